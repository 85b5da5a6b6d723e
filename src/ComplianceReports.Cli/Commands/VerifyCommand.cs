using System.CommandLine;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Cli.Commands;

/// <summary>
/// What an auditor runs on a downloaded report: is the PDF as signed, and does the event store still
/// hold exactly the event set the report covers? It needs read access to the store, never the signing key.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var target = new Argument<string>("DIR_OR_PDF")
        {
            Description = "A downloaded report version: its directory (report.pdf and summary.json), or report.pdf alone",
        };
        var command = new Command("verify", "Check a report's signature and recompute its evidence digest from the event store") { target };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (pdfPath, claim) = await ReadClaimAsync(parse.GetValue(target)!, cancellationToken);
            var signature = PdfSignatureCheck.Check(await File.ReadAllBytesAsync(pdfPath, cancellationToken));
            Console.WriteLine($"signature: {signature.Message}");

            var period = new ReportPeriod(Month.Parse(claim.Month), ReportPeriod.FindTimeZone(claim.TimeZone));
            Console.WriteLine($"event set: {claim.Month} ({claim.TimeZone}), version {claim.Version}, events stored up to {claim.Cutoff:yyyy-MM-dd HH:mm:ss} UTC");
            var store = new TableEventStore(storage(parse), TimeProvider.System);
            var (count, digest) = await EventSetDigest.OfAsync(
                period,
                claim.Cutoff,
                store.ReadDaysAsync(period.StartUtc, period.EndUtc, cancellationToken).Select(stored => (stored.Event, stored.IngestedAt)),
                cancellationToken);
            var matches = digest == claim.EventDigest && count == claim.EventCount;
            Console.WriteLine(matches
                ? $"digest: matches the event store ({count:N0} events, {digest})"
                : $"digest: DOES NOT MATCH the event store: the report covers {claim.EventCount:N0} events with digest {claim.EventDigest}; the store now gives {count:N0} events with digest {digest}");
            return signature.IsIntact && matches ? 0 : 1;
        });
        return command;
    }

    private sealed record Claim(string Month, string TimeZone, int Version, DateTimeOffset Cutoff, string EventDigest, long EventCount);

    private static async Task<(string PdfPath, Claim Claim)> ReadClaimAsync(string target, CancellationToken cancellationToken)
    {
        var directory = Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target))!;
        var pdf = Directory.Exists(target) ? Path.Combine(target, ReportFileNames.Pdf) : target;
        var summaryPath = Path.Combine(directory, ReportFileNames.Summary);
        if (!File.Exists(pdf))
        {
            throw new CliException($"no report PDF at {pdf}");
        }
        if (!File.Exists(summaryPath))
        {
            throw new CliException($"no {ReportFileNames.Summary} beside {pdf}: download the version with 'compliance report download'");
        }
        var summary = ReportSummary.FromUtf8Json(await File.ReadAllBytesAsync(summaryPath, cancellationToken));
        return (pdf, new Claim(summary.Month, summary.TimeZone, summary.Version, summary.Cutoff, summary.EventDigest, summary.EventCount));
    }
}
