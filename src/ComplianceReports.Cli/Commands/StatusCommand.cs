using System.CommandLine;
using System.Globalization;
using System.Net;
using Azure;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Cli.Commands;

/// <summary>What an operator checks first: is anything stuck in a queue or poisoned, was anything refused, which months hold events and reports.</summary>
public static class StatusCommand
{
    private static readonly string[] Queues =
    [
        QueueNames.AuditEvents, QueueNames.Poison(QueueNames.AuditEvents), QueueNames.ReportRequests, QueueNames.Poison(QueueNames.ReportRequests),
    ];

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

            Console.WriteLine($"storage: {clients.Connection}");
            Console.WriteLine("queues (approximate messages waiting):");
            Terminal.WriteTable(["QUEUE", "MESSAGES"], depths, indent: 2);

            Console.WriteLine(poisoned.OldestPoisonedAt is { } oldest
                ? string.Create(CultureInfo.InvariantCulture,
                    $"poisoned messages held: {poisoned.Count}, the oldest poisoned {oldest.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({Age(poisoned.AgeAt(DateTimeOffset.UtcNow)!.Value)} ago); compliance poison list shows them")
                : "poisoned messages held: 0");

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Console.WriteLine($"quarantined items: {quarantined.GetValueOrDefault(today)} today ({today:yyyy-MM-dd} UTC), {quarantined.Values.Sum()} in all");

            Console.WriteLine("months with events (when events of the month last arrived, new or not; counting them would read every event, the reports below give counts):");
            if (markers.Count == 0)
            {
                Console.WriteLine("  none");
            }
            foreach (var (month, marker) in markers.OrderBy(marker => marker.Key.ToString(), StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {month}  last touched {marker.LastTouchedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
            }

            Console.WriteLine("reports (version: events):");
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
                    $"  {month.Key}  {count} {(count == 1 ? "version" : "versions")} ({versions}); latest generated {latest.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
            }
            return 0;
        });
        return command;
    }

    private static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays} d {age.Hours} h"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h {age.Minutes} min"
        : $"{Math.Max(0, (int)age.TotalMinutes)} min";

    private static async Task<string> DepthAsync(StorageClientFactory clients, string queueName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await clients.CreateQueueClient(queueName).GetPropertiesAsync(cancellationToken);
            return properties.Value.ApproximateMessagesCount.ToString(CultureInfo.InvariantCulture);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return "0 (no queue yet)";
        }
    }
}
