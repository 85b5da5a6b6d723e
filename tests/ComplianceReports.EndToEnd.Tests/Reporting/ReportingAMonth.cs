using System.Diagnostics;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;
using UglyToad.PdfPig;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>A month's report as an auditor receives it: signed, matching the event log, versioned when events arrive late.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class ReportingAMonth(LocalFunctionsHostFixture host) : IDisposable
{
    private static readonly DateTimeOffset March = new(2024, 3, 4, 9, 30, 0, TimeSpan.Zero);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-report-");

    private PipelineClient Pipeline => new(host.Storage);

    [Fact]
    public async Task The_pdf_prints_the_figures_of_summary_json_and_is_signed_intact()
    {
        await Pipeline.SendEnvelopeAsync("march-1", MarchEvents());
        var manifest = await Pipeline.GenerateAsync(new Month(2024, 3));
        var summary = await Pipeline.ReadSummaryAsync(manifest);
        var pdf = await Pipeline.ReadAsync(manifest, ReportFileNames.Pdf);
        var text = PdfText(pdf);

        Assert.Equal(12, summary.EventCount);
        Assert.Contains(summary.EventDigest, text, StringComparison.Ordinal);
        Assert.Contains("Example Bank plc", text, StringComparison.Ordinal);
        foreach (var finding in summary.Findings)
        {
            Assert.Contains(finding.Figure, text, StringComparison.Ordinal);
        }
        Assert.Contains(summary.Logins.FailuresByUser[0].Name, text, StringComparison.Ordinal);
        Assert.Equal(["evidence.csv.gz", "report.pdf", "summary.json"], manifest.Files.Keys.Order());
        var signature = PdfSignatureCheck.Check(pdf);
        Assert.True(signature.IsIntact, signature.Message);
        Assert.Contains("Signature is Valid", await PdfsigAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_events_make_a_second_version_that_names_what_it_adds_and_the_first_still_verifies()
    {
        var month = new Month(2024, 4);
        await Pipeline.SendEnvelopeAsync("april-1", AprilEvents(0, 5));
        var first = await Pipeline.GenerateAsync(month);
        var again = await Pipeline.GenerateAsync(month);
        await Pipeline.SendEnvelopeAsync("april-2", AprilEvents(5, 3));
        var second = await Pipeline.GenerateAsync(month);
        var summary = await Pipeline.ReadSummaryAsync(second);
        var firstDirectory = Path.Combine(work.FullName, "v1");
        await Pipeline.DownloadAsync(first, firstDirectory);
        var verifyFirst = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "verify", firstDirectory);

        Assert.Equal((1, 1, 2), (first.Version, again.Version, second.Version));
        Assert.NotNull(summary.Changes);
        Assert.Equal((1, 5L, 3L), (summary.Changes.PreviousVersion, summary.Changes.PreviousEventCount, summary.Changes.EventsAdded));
        Assert.Equal(new Dictionary<string, long> { ["logins"] = 3 }, summary.Changes.AddedByCategory);
        Assert.Equal(0, verifyFirst.ExitCode);
        Assert.Contains("store: every listed event is in the event store, unchanged (5 events)", verifyFirst.Output, StringComparison.Ordinal);
        Assert.Contains("3 events of the period are not in this version", verifyFirst.Output, StringComparison.Ordinal);
        Assert.Contains("covered by version 2", verifyFirst.Output, StringComparison.Ordinal);
        Assert.Contains("signature: signature intact", verifyFirst.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rebuilding_a_version_from_the_stored_events_gives_its_count_and_digest_again()
    {
        await Pipeline.SendEnvelopeAsync("may-1", MayEvents());
        var manifest = await Pipeline.GenerateAsync(new Month(2024, 5));
        var summary = await Pipeline.ReadSummaryAsync(manifest);
        var period = new ReportPeriod(new Month(2024, 5), TimeZoneInfo.Utc);
        var store = new TableEventStore(host.Storage, TimeProvider.System);

        using var rebuilt = new EventSet(period, ReportSettings.Default);
        await foreach (var stored in store.ReadDaysAsync(period.StartUtc, period.EndUtc, default))
        {
            rebuilt.Add(stored.Event, stored.IngestedAt, stored.KeyIdentity);
        }

        Assert.Equal((summary.EventCount, summary.EventDigest), (rebuilt.Digests.Count, rebuilt.Digests.Digest));
        Assert.Equal((manifest.EventCount, manifest.EventDigest), (rebuilt.Digests.Count, rebuilt.Digests.Digest));
        Assert.Equal(summary.Days, rebuilt.Digests.Days);
    }

    [Fact]
    public async Task Verify_says_plainly_when_a_pdf_was_changed_after_signing()
    {
        await Pipeline.SendEnvelopeAsync("june-1", [PrivXSample.Item(100, new DateTimeOffset(2024, 6, 3, 10, 0, 0, TimeSpan.Zero))]);
        var manifest = await Pipeline.GenerateAsync(new Month(2024, 6));
        var directory = Path.Combine(work.FullName, "june");
        await Pipeline.DownloadAsync(manifest, directory);
        var pdfPath = Path.Combine(directory, ReportFileNames.Pdf);
        var bytes = await File.ReadAllBytesAsync(pdfPath);
        var at = Array.IndexOf(bytes, (byte)'P', 2000);
        bytes[at] = (byte)'Q';
        await File.WriteAllBytesAsync(pdfPath, bytes);

        var result = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "verify", directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("signature: the document was changed after signing", result.Output, StringComparison.Ordinal);
        // A broken signature leaves nothing to trust: no claim is read, so nothing is said to match.
        Assert.DoesNotContain("claim: ", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => work.Delete(recursive: true);

    private static IEnumerable<string> MarchEvents() =>
    [
        PrivXSample.Item(100, March, "alice"),
        PrivXSample.Item(100, March.AddHours(1), "bob"),
        PrivXSample.Item(102, March.AddHours(2), "mallory"),
        PrivXSample.Item(102, March.AddHours(3), "mallory"),
        PrivXSample.Item(102, March.AddDays(1), "bob"),
        PrivXSample.Item(103, March.AddDays(2), "alice"),
        PrivXSample.Item(104, March.AddDays(2).AddMinutes(1), "alice"),
        PrivXSample.Item(202, March.AddDays(3), "admin", "role-store"),
        PrivXSample.Item(230, March.AddDays(4), "alice", "aws-token"),
        PrivXSample.Item(12, March.AddDays(5), "system", "auth"),
        PrivXSample.Item(301, March.AddDays(6), "carol"),
        PrivXSample.Item(1701, March.AddDays(7), "carol", "network-access"),
    ];

    private static IEnumerable<string> AprilEvents(int from, int count) =>
        Enumerable.Range(from, count).Select(i => PrivXSample.Item(100, new DateTimeOffset(2024, 4, 2, 8, 0, 0, TimeSpan.Zero).AddHours(i), $"user{i}"));

    private static IEnumerable<string> MayEvents() =>
        Enumerable.Range(0, 20).Select(i => PrivXSample.Item(100 + i % 3, new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 17), $"user{i % 4}"));

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(word => word.Text))));
    }

    /// <summary>poppler's own check of the signature's integrity; CI installs poppler-utils.</summary>
    private async Task<string> PdfsigAsync(byte[] pdf)
    {
        var path = Path.Combine(work.FullName, "signed.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        var start = new ProcessStartInfo("pdfsig", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pdfsig is not installed: install poppler-utils (apt-get install poppler-utils).", e);
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
    }
}
