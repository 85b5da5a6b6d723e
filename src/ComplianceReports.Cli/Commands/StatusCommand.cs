using System.CommandLine;
using System.Globalization;
using ComplianceReports.Domain.Collection;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Collection;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Delivery;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Cli.Commands;

/// <summary>What an operator checks first: is anything stuck in a queue or poisoned, was anything refused, which months hold events and reports.</summary>
public static class StatusCommand
{
    /// <summary>Every queue, each beside its poison queue.</summary>
    private static readonly string[] Queues = [.. PoisonQueues.Sources.SelectMany(queue => new[] { queue, QueueNames.Poison(queue) })];

    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var command = new Command("status", "Show queue depths, poison and quarantine counts, the months holding events, and each month's report versions");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clients = await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            // Everything is read before anything is printed, so storage that cannot be reached gives one line, not half a status.
            var depths = new List<string[]>();
            foreach (var name in Queues)
            {
                depths.Add([name, await DepthAsync(clients, name, cancellationToken)]);
            }
            var poisoned = await new PoisonStore(clients).SummarizeAsync(cancellationToken);
            var quarantined = await new QuarantineStore(clients).CountPerDayAsync(cancellationToken);
            // Counting a month's events means reading all of its rows; the change markers are one row a month.
            var markers = await new TableEventStore(clients, TimeProvider.System).ReadChangeMarkersAsync(cancellationToken);
            var reports = await new BlobReportStore(clients).ListAllAsync(cancellationToken);
            var unsent = await new MailDeliveries(clients).UnsentAsync(cancellationToken);
            var reviews = (await new ReportReviewStore(clients).ListAllAsync(cancellationToken)).ToLookup(review => (review.Month, review.Version));
            var collectors = await new CollectorStates(clients).ListAsync(cancellationToken);

            var now = DateTimeOffset.UtcNow;
            Console.WriteLine($"storage: {clients.Connection}");
            Console.WriteLine("queues (approximate messages waiting):");
            Terminal.WriteTable(["QUEUE", "MESSAGES"], depths, indent: 2);

            Console.WriteLine(poisoned.OldestPoisonedAt is { } oldest
                ? string.Create(CultureInfo.InvariantCulture,
                    $"poisoned messages held: {poisoned.Count}, the oldest poisoned {oldest.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({Lag(now - oldest)} ago); compliance poison list shows them")
                : "poisoned messages held: 0");

            var today = DateOnly.FromDateTime(now.UtcDateTime);
            Console.WriteLine($"quarantined items: {quarantined.GetValueOrDefault(today)} today ({today:yyyy-MM-dd} UTC), {quarantined.Values.Sum()} in all");

            if (collectors.Count == 0)
            {
                Console.WriteLine("collector: has not run (no PrivX__BaseUrl, or no run yet)");
            }
            foreach (var collector in collectors)
            {
                Console.WriteLine(CollectorLine(collector, now));
            }

            Console.WriteLine("months with events (when events of the month last arrived, new or not; counting them would read every event, the reports below give counts):");
            if (markers.Count == 0)
            {
                Console.WriteLine("  none");
            }
            foreach (var (month, marker) in markers.OrderBy(marker => marker.Key.ToString(), StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {month}  last touched {marker.LastTouchedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
            }

            Console.WriteLine("reports (version: events; whether the latest version is reviewed):");
            if (reports.Count == 0)
            {
                Console.WriteLine("  none");
            }
            foreach (var month in reports.GroupBy(manifest => manifest.Month))
            {
                var versions = string.Join(", ", month.Select(manifest => string.Create(CultureInfo.InvariantCulture, $"v{manifest.Version}: {manifest.EventCount}")));
                var latest = month.Last();
                var count = month.Count();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {month.Key}  {count} {(count == 1 ? "version" : "versions")} ({versions}); latest generated {latest.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {Reviewed(latest, reviews[(latest.Month, latest.Version)])}"));
            }

            Console.WriteLine("report mail not sent yet (pending: waiting for an attempt; failed: gave up, the request is in report-mail-poison):");
            if (unsent.Count == 0)
            {
                Console.WriteLine("  none");
            }
            foreach (var delivery in unsent)
            {
                var status = delivery.Status == MailDeliveryStatus.Failed ? "failed" : "pending";
                var attempts = delivery.Attempts == 0 ? "not tried yet" : string.Create(CultureInfo.InvariantCulture, $"{delivery.Attempts} failed {(delivery.Attempts == 1 ? "attempt" : "attempts")}, last: {delivery.LastError}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {delivery.Month} v{delivery.Version}  {delivery.Recipient}  {status}  ({attempts})"));
            }
            return 0;
        });
        return command;
    }

    private static string Reviewed(ReportManifest latest, IEnumerable<ReportReview> reviews) =>
        reviews.MaxBy(review => review.ReviewedAt) is { } review
            ? string.Create(CultureInfo.InvariantCulture, $"reviewed by {review.Reviewer} {review.ReviewedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
            : string.Create(CultureInfo.InvariantCulture, $"v{latest.Version} not reviewed");

    /// <summary><c>collector NAME: checkpoint TIME, lag DURATION, last run TIME OUTCOME</c>; a failure gives its one line.</summary>
    public static string CollectorLine(CollectorState state, DateTimeOffset now)
    {
        var checkpoint = state.Checkpoint is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"checkpoint {Time(at)}, lag {Lag(now - at)}")
            : "checkpoint none yet, lag unknown";
        var run = state.LastRun switch
        {
            null => "last run none yet",
            { Succeeded: true } ok => string.Create(CultureInfo.InvariantCulture,
                $"last run {Time(ok.RanAt)} succeeded ({ok.Events} events in {ok.Windows} windows{(ok.CaughtUp ? ", caught up" : ", catching up")})"),
            var failed => string.Create(CultureInfo.InvariantCulture,
                $"last run {Time(failed.RanAt)} failed{(failed.FailingSince is { } since && since < failed.RanAt ? $" (failing since {Time(since)})" : "")}: {failed.Error}"),
        };
        return $"collector {state.Instance}: {checkpoint}, {run}";
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The largest two units, which is what an operator reads a lag for: "2 h 5 min", "3 min 10 s".</summary>
    private static string Lag(TimeSpan lag) =>
        lag < TimeSpan.Zero ? "0 s"
        : lag.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)lag.TotalDays} d {lag.Hours} h")
        : lag.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)lag.TotalHours} h {lag.Minutes} min")
        : lag.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)lag.TotalMinutes} min {lag.Seconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)lag.TotalSeconds} s");

    private static async Task<string> DepthAsync(StorageClientFactory clients, string queueName, CancellationToken cancellationToken) =>
        await new QueueDepths(clients).CountAsync(queueName, cancellationToken) is { } depth ? depth.ToString(CultureInfo.InvariantCulture) : "0 (no queue yet)";
}
