using System.CommandLine;
using System.Globalization;
using System.Text;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Cli.Commands;

public static class ReportCommands
{
    /// <summary>Enough of a digest to tell versions apart at a glance; <c>compliance verify</c> checks the whole of it.</summary>
    private const int DigestPrefixLength = 12;

    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var command = new Command("report", "Ask for monthly reports, list them, download them, and record and read their reviews");
        command.Subcommands.Add(Generate(storage));
        command.Subcommands.Add(List(storage));
        command.Subcommands.Add(Download(storage));
        command.Subcommands.Add(ReviewCommands.Review(storage));
        command.Subcommands.Add(ReviewCommands.Reviews(storage));
        return command;
    }

    private static Command Generate(Func<ParseResult, StorageClientFactory> storage)
    {
        var month = CliMonths.Option();
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the report before giving up",
            DefaultValueFactory = _ => 300,
        };
        var partial = new Option<bool>("--partial")
        {
            Description = "Report on a month that has not ended yet (in UTC): such a report is provisional, covering only the events stored so far",
        };
        var command = new Command("generate", "Ask the pipeline for a month's report and wait until it is stored") { month, timeout, partial };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = CliMonths.Parse(parse.GetValue(month)!);
            var now = DateTimeOffset.UtcNow;
            if (wanted.EndUtc > now && !parse.GetValue(partial))
            {
                throw new CliException(
                    $"{wanted} has not ended yet: it ends {wanted.EndUtc:yyyy-MM-dd HH:mm} UTC; add --partial for a provisional report of the events stored so far");
            }
            var clients = storage(parse);
            await CliConnection.CreateProducerResourcesAsync(clients, cancellationToken);
            var request = ReportRequest.For(wanted, requestedBy: "cli");
            await new ReportRequestQueue(clients).SendAsync(request, cancellationToken);
            await Console.Error.WriteLineAsync($"asked for the {wanted} report (request {request.RequestId}); waiting for the pipeline…");

            var outcomes = new ReportRequestOutcomes(clients);
            ReportRequestOutcome? outcome = null;
            if (await Polling.UntilAsync(async () => (outcome = await outcomes.FindAsync(request.RequestId, cancellationToken)) is not null, parse.GetValue(timeout), cancellationToken))
            {
                var what = outcome!.NewVersion ? "new version" : "no change since this version";
                var provisional = wanted.EndUtc > now ? ", provisional: the month has not ended" : "";
                Console.WriteLine($"report {outcome.Month} version {outcome.Version}: {outcome.EventCount} events ({what}{provisional})");
                return 0;
            }
            throw new CliException(
                $"no report for {request.Month} after {parse.GetValue(timeout)} s: is the functions host running (scripts/run-local.sh)? Request {request.RequestId} stays queued.");
        });
        return command;
    }

    private static Command List(Func<ParseResult, StorageClientFactory> storage)
    {
        var command = new Command("list", "List every month's report versions: version, events, when generated, who reviewed it, and the start of the evidence digest");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clients = await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            var manifests = await new BlobReportStore(clients).ListAllAsync(cancellationToken);
            var reviews = (await new ReportReviewStore(clients).ListAllAsync(cancellationToken)).ToLookup(review => (review.Month, review.Version));
            if (manifests.Count == 0)
            {
                Console.WriteLine("no reports yet: ask for one with 'compliance report generate --month YYYY-MM'");
                return 0;
            }
            string[] header = ["MONTH", "VERSION", "EVENTS", "GENERATED AT (UTC)", "REVIEWED", "DIGEST"];
            var rows = manifests.Select(manifest => new[]
            {
                manifest.Month,
                manifest.Version.ToString(CultureInfo.InvariantCulture),
                manifest.EventCount.ToString(CultureInfo.InvariantCulture),
                manifest.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ReviewCommands.Cell(reviews[(manifest.Month, manifest.Version)]),
                manifest.EventDigest[..Math.Min(DigestPrefixLength, manifest.EventDigest.Length)],
            });
            Terminal.WriteTable(header, rows, rightAligned: [1, 2]);
            return 0;
        });
        return command;
    }

    private static Command Download(Func<ParseResult, StorageClientFactory> storage)
    {
        var month = CliMonths.Option();
        var output = new Option<string>("--out")
        {
            Description = "Directory to write the version's files to: report.pdf, summary.json, evidence.csv.gz and its signed reviews in reviews/ (created if needed; files are overwritten)",
            Required = true,
        };
        var version = new Option<int?>("--version")
        {
            Description = "The version to download (see 'compliance report list'); the latest when not given",
        };
        var command = new Command("download", "Download a month's report: the latest version, or the one --version names") { month, output, version };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = CliMonths.Parse(parse.GetValue(month)!);
            var clients = await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            var reports = new BlobReportStore(clients);
            var manifest = PickVersion(wanted, await reports.ListVersionsAsync(wanted, cancellationToken), parse.GetValue(version));

            var directory = Directory.CreateDirectory(parse.GetValue(output)!);
            var sources = new List<(string Name, Stream Content)>();
            try
            {
                foreach (var name in manifest.Files.Keys)
                {
                    sources.Add((name, await reports.OpenFileAsync(manifest, name, cancellationToken)));
                }
                await Terminal.WithProgressAsync($"downloading {manifest.Month} version {manifest.Version}", sources.Sum(source => source.Content.Length), show: true, async progress =>
                {
                    long copied = 0;
                    var buffer = new byte[81920];
                    foreach (var (name, content) in sources)
                    {
                        await using var target = File.Create(Path.Combine(directory.FullName, name));
                        int read;
                        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                        {
                            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                            progress?.Report(copied += read);
                        }
                    }
                });
            }
            finally
            {
                foreach (var (_, content) in sources)
                {
                    await content.DisposeAsync();
                }
            }
            var reviews = await DownloadReviewsAsync(new ReportReviewStore(clients), manifest, directory, cancellationToken);
            Console.WriteLine($"downloaded report {manifest.Month} version {manifest.Version} ({manifest.EventCount} events{reviews}) to {directory.FullName}");
            return 0;
        });
        return command;
    }

    /// <summary>Version <paramref name="number"/> of the month, or its latest; a month without reports or a version it lacks is one line.</summary>
    internal static ReportManifest PickVersion(Month month, IReadOnlyList<ReportManifest> versions, int? number)
    {
        if (versions.Count == 0)
        {
            throw new CliException($"there is no report for {month}: ask for one with 'compliance report generate --month {month}'");
        }
        return number is { } wanted
            ? versions.FirstOrDefault(v => v.Version == wanted)
                ?? throw new CliException($"the {month} report has no version {wanted}: its versions are {string.Join(", ", versions.Select(v => v.Version))}")
            : versions[^1];
    }

    /// <summary>Writes the version's signed reviews to <c>reviews/</c>, so they travel with the files and <c>verify</c> checks them; says how many, if any.</summary>
    private static async Task<string> DownloadReviewsAsync(ReportReviewStore store, ReportManifest manifest, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        var reviews = (await store.ListAsync(Month.Parse(manifest.Month), cancellationToken)).Where(review => review.Version == manifest.Version).ToList();
        if (reviews.Count == 0)
        {
            return "";
        }
        var folder = directory.CreateSubdirectory(ReportFileNames.ReviewsFolder);
        foreach (var review in reviews)
        {
            var signed = await store.ReadSignedAsync(review, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, ReportFileNames.ReviewRecord(review.ReviewId)), signed.Json, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, ReportFileNames.ReviewSignature(review.ReviewId)), signed.Signature, cancellationToken);
        }
        return reviews.Count == 1 ? ", 1 signed review" : string.Create(CultureInfo.InvariantCulture, $", {reviews.Count} signed reviews");
    }
}
