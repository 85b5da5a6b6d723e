using System.CommandLine;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Cli.Commands;

public static class ReportCommands
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var command = new Command("report", "Ask for monthly reports and download them");
        command.Subcommands.Add(Generate(storage));
        command.Subcommands.Add(Download(storage));
        return command;
    }

    private static Option<string> MonthOption() => new("--month")
    {
        Description = "The month, as YYYY-MM (UTC)",
        Required = true,
    };

    private static Month ParseMonth(string text) =>
        Month.TryParse(text, out var month) ? month : throw new CliException($"'{text}' is not a month: write it as YYYY-MM, e.g. 2026-10");

    private static Command Generate(Func<ParseResult, StorageClientFactory> storage)
    {
        var month = MonthOption();
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the report before giving up",
            DefaultValueFactory = _ => 300,
        };
        var command = new Command("generate", "Ask the pipeline for a month's report and wait until it is stored") { month, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clients = storage(parse);
            var request = ReportRequest.For(ParseMonth(parse.GetValue(month)!), requestedBy: "cli");
            await new ReportRequestQueue(clients).SendAsync(request, cancellationToken);

            var outcomes = new ReportRequestOutcomes(clients);
            var deadline = DateTimeOffset.UtcNow.AddSeconds(parse.GetValue(timeout));
            while (DateTimeOffset.UtcNow < deadline)
            {
                if (await outcomes.FindAsync(request.RequestId, cancellationToken) is { } outcome)
                {
                    var what = outcome.NewVersion ? "new version" : "no change since this version";
                    Console.WriteLine($"report {outcome.Month} version {outcome.Version}: {outcome.EventCount} events ({what})");
                    return 0;
                }
                await Task.Delay(PollEvery, cancellationToken);
            }
            throw new CliException(
                $"no report for {request.Month} after {parse.GetValue(timeout)} s: is the functions host running (scripts/run-local.sh)? Request {request.RequestId} stays queued.");
        });
        return command;
    }

    private static Command Download(Func<ParseResult, StorageClientFactory> storage)
    {
        var month = MonthOption();
        var output = new Option<string>("--out")
        {
            Description = "Directory to write the version's files to: report.pdf, summary.json, evidence.csv.gz (created if needed; files are overwritten)",
            Required = true,
        };
        var command = new Command("download", "Download the latest version of a month's report") { month, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = ParseMonth(parse.GetValue(month)!);
            var reports = new BlobReportStore(storage(parse));
            var manifest = await reports.GetLatestAsync(wanted, cancellationToken)
                ?? throw new CliException($"there is no report for {wanted}: ask for one with 'compliance report generate --month {wanted}'");

            var directory = Directory.CreateDirectory(parse.GetValue(output)!);
            foreach (var name in manifest.Files)
            {
                await using var source = await reports.OpenFileAsync(manifest, name, cancellationToken);
                await using var target = File.Create(Path.Combine(directory.FullName, name));
                await source.CopyToAsync(target, cancellationToken);
            }
            Console.WriteLine($"downloaded report {manifest.Month} version {manifest.Version} ({manifest.EventCount} events) to {directory.FullName}");
            return 0;
        });
        return command;
    }
}
