using System.CommandLine;
using System.Globalization;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reviews;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Cli.Commands;

/// <summary>
/// Reviewers' sign-off on report versions (PCI DSS 10.4.1, NIST AU-6): recording one, which the
/// functions sign and store as they hold the key, and reading them back.
/// </summary>
public static class ReviewCommands
{
    private const int DigestPrefixLength = 12;

    public static Command Review(Func<ParseResult, StorageClientFactory> storage)
    {
        var month = CliMonths.Option();
        var version = new Option<int?>("--version") { Description = "The version reviewed (see 'compliance report list'); the latest when not given" };
        var reviewer = new Option<string>("--reviewer") { Description = "Who reviewed the report, as the record names them", Required = true };
        var note = new Option<string?>("--note") { Description = "What the reviewer wants on record, e.g. what was looked at" };
        var exceptions = new Option<string[]>("--exception")
        {
            Description = "An exception found in the review, one line; repeat for each",
            AllowMultipleArgumentsPerToken = false,
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the pipeline to record the review", DefaultValueFactory = _ => 120 };
        var command = new Command("review", "Record a review of a report version: who, when, with what exceptions; the pipeline signs it and keeps it beside the version")
        {
            month, version, reviewer, note, exceptions, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = CliMonths.Parse(parse.GetValue(month)!);
            var clients = await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            var versions = await new BlobReportStore(clients).ListVersionsAsync(wanted, cancellationToken);
            var manifest = ReportCommands.PickVersion(wanted, versions, parse.GetValue(version));
            ReviewRequest request;
            try
            {
                request = ReviewRequest.Create(
                    wanted, manifest.Version, parse.GetValue(reviewer), parse.GetValue(note), parse.GetValue(exceptions), DateTimeOffset.UtcNow, ReviewRequest.ViaCli);
            }
            catch (InvalidReviewException invalid)
            {
                throw new CliException(char.ToLowerInvariant(invalid.Message[0]) + invalid.Message[1..].TrimEnd('.'));
            }
            await new ReviewRequestQueue(clients).SendAsync(request, cancellationToken);
            await Console.Error.WriteLineAsync($"asked the pipeline to sign and record review {request.ReviewId}; waiting…");

            var reviews = new ReportReviewStore(clients);
            ReportReview? recorded = null;
            if (!await Polling.UntilAsync(async () => (recorded = await reviews.FindAsync(wanted, manifest.Version, request.ReviewId, cancellationToken)) is not null, parse.GetValue(timeout), cancellationToken))
            {
                throw new CliException(
                    $"the review was not recorded after {parse.GetValue(timeout)} s: is the functions host running (scripts/run-local.sh)? Review {request.ReviewId} stays queued.");
            }
            var latest = versions[^1].Version;
            var superseded = latest > manifest.Version
                ? string.Create(CultureInfo.InvariantCulture, $"; version {manifest.Version} is superseded by version {latest}, and this review is of version {manifest.Version} only")
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"recorded review {recorded!.ReviewId}: {recorded.Reviewer} reviewed {recorded.Month} version {recorded.Version} (digest {recorded.EventDigest[..DigestPrefixLength]}) at {recorded.ReviewedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {Exceptions(recorded)}{superseded}"));
            return 0;
        });
        return command;
    }

    public static Command Reviews(Func<ParseResult, StorageClientFactory> storage)
    {
        var month = CliMonths.Option();
        var command = new Command("reviews", "List the reviews of a month's report versions, with notes and exceptions, and the versions nobody has reviewed") { month };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = CliMonths.Parse(parse.GetValue(month)!);
            var clients = await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            var versions = await new BlobReportStore(clients).ListVersionsAsync(wanted, cancellationToken);
            if (versions.Count == 0)
            {
                throw new CliException($"there is no report for {wanted}: ask for one with 'compliance report generate --month {wanted}'");
            }
            var reviews = (await new ReportReviewStore(clients).ListAsync(wanted, cancellationToken)).ToLookup(review => review.Version);
            var latest = versions[^1].Version;
            foreach (var manifest in versions)
            {
                var name = string.Create(CultureInfo.InvariantCulture,
                    $"{wanted} version {manifest.Version}{(manifest.Version < latest ? $" (superseded by version {latest})" : "")}");
                if (!reviews[manifest.Version].Any())
                {
                    Console.WriteLine($"{name}: not reviewed");
                }
                foreach (var review in reviews[manifest.Version])
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name}: reviewed by {review.Reviewer} at {review.ReviewedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC via {review.RecordedVia}, {Exceptions(review)} (review {review.ReviewId}, digest {review.EventDigest[..DigestPrefixLength]})"));
                    if (review.Note is { } text)
                    {
                        Console.WriteLine($"  note: {text.ReplaceLineEndings("\n        ")}");
                    }
                    foreach (var exception in review.Exceptions)
                    {
                        Console.WriteLine($"  exception: {exception}");
                    }
                }
            }
            return 0;
        });
        return command;
    }

    /// <summary>The REVIEWED cell of <c>report list</c>: the latest review's reviewer and day, and how many more there are.</summary>
    public static string Cell(IEnumerable<ReportReview> reviews)
    {
        var all = reviews.OrderBy(review => review.ReviewedAt).ToList();
        if (all.Count == 0)
        {
            return "-";
        }
        var latest = all[^1];
        var more = all.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{all.Count - 1})") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{latest.Reviewer} {latest.ReviewedAt.UtcDateTime:yyyy-MM-dd}{more}");
    }

    /// <summary>How many exceptions a review lists, in words.</summary>
    internal static string Exceptions(ReportReview review) => review.Exceptions.Count switch
    {
        0 => "no exceptions",
        1 => "1 exception",
        var count => string.Create(CultureInfo.InvariantCulture, $"{count} exceptions"),
    };
}
