using System.Diagnostics;
using System.Text.Json.Nodes;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// A sustained run, bounded in time: for <see cref="BenchmarkSize.LoadSeconds"/> the audit-events
/// queue is fed envelopes (as `compliance send` of small files and the collector make them) at
/// <see cref="BenchmarkSize.LoadPerSecond"/>, faster than the host drains it, and then left to drain.
/// Every batch must have its receipt and every event be stored once; nothing may be poisoned or
/// quarantined; the host's resident memory is sampled throughout, to show it stays flat while the
/// backlog grows.
/// </summary>
public static class LoadScenario
{
    public const string Name = "load";

    private static readonly Month LoadMonth = new(2025, 7);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainPatience = TimeSpan.FromMinutes(45);

    public static async Task RunAsync(BenchmarkRun bench)
    {
        if (!bench.Wants(Name))
        {
            return;
        }
        var size = bench.Settings.Size;
        var count = size.LoadSeconds * size.LoadPerSecond;
        bench.Progress($"{Name}: {count:N0} events of {LoadMonth}, fed at {size.LoadPerSecond:N0}/s for {size.LoadSeconds} s");
        var items = Workload.Items(LoadMonth, count, seed: 3).ToList();
        var result = new ScenarioResult(Name, "host") { Events = count };
        for (var run = 1; run <= bench.Settings.Runs; run++)
        {
            result.Add(await RunOnceAsync(bench, items, run));
        }
        result.Fact("feedSeconds", size.LoadSeconds);
        result.Fact("feedTargetPerSecond", size.LoadPerSecond);
        bench.Add(result);
    }

    private static async Task<JsonObject> RunOnceAsync(BenchmarkRun bench, IReadOnlyList<string> items, int run)
    {
        var size = bench.Settings.Size;
        await using var azurite = await bench.StartAzuriteAsync(items.Count, Name);
        var clients = new StorageClientFactory(StorageConnection.FromConnectionString(azurite.ConnectionString));
        await using var host = await bench.StartHostAsync(azurite, Name);
        var queue = clients.CreateQueueClient(QueueNames.AuditEvents);
        var samples = new List<(double Seconds, double RssMB, int Backlog)>();
        var clock = Stopwatch.StartNew();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(bench.Cancellation);
        var sampler = SampleAsync(host, queue, clock, samples, sampling.Token);

        // Each second's share is sent in that second; a second whose sends ran over is caught up at once.
        var sender = new AuditEventQueue(clients);
        var batchIds = new List<string>();
        for (var second = 0; second < size.LoadSeconds; second++)
        {
            var share = items.Skip(second * size.LoadPerSecond).Take(size.LoadPerSecond).ToList();
            batchIds.AddRange(await sender.SendBatchesAsync(share, AuditEventQueue.NewSendId(), sentMessages: null, bench.Cancellation));
            var due = TimeSpan.FromSeconds(second + 1) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, bench.Cancellation);
            }
        }
        var fedSeconds = clock.Elapsed.TotalSeconds;
        var backlogAtFeedEnd = (await queue.GetPropertiesAsync(bench.Cancellation)).Value.ApproximateMessagesCount;
        bench.Progress($"{Name} run {run}/{bench.Settings.Runs}: fed {items.Count:N0} events in {batchIds.Count:N0} messages in {fedSeconds:N0} s; {backlogAtFeedEnd:N0} messages still queued");

        var receipts = await WaitForReceiptsAsync(bench, clients, batchIds, clock);
        var drainedSeconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        var hostPeak = await host.StopAsync();

        var (stored, duplicates, quarantined) = (receipts.Sum(r => r.Stored), receipts.Sum(r => r.Duplicates), receipts.Sum(r => r.Quarantined));
        var poisonedMessages = (await clients.CreateQueueClient(QueueNames.Poison(QueueNames.AuditEvents)).GetPropertiesAsync(bench.Cancellation)).Value.ApproximateMessagesCount;
        var keptPoisoned = (await new PoisonStore(clients).ListAsync(bench.Cancellation)).Count;
        if (stored != items.Count || duplicates != 0 || quarantined != 0 || poisonedMessages != 0 || keptPoisoned != 0)
        {
            throw new BenchmarkException(
                $"{Name}: of {items.Count} events fed, {stored} stored, {duplicates} duplicates, {quarantined} quarantined; {poisonedMessages} poisoned messages queued and {keptPoisoned} kept");
        }

        // Flat: the highest resident memory of the last third of the run against that of the first.
        var third = drainedSeconds / 3;
        var early = samples.Where(sample => sample.Seconds <= third).Select(sample => sample.RssMB).DefaultIfEmpty(0).Max();
        var late = samples.Where(sample => sample.Seconds >= 2 * third).Select(sample => sample.RssMB).DefaultIfEmpty(0).Max();
        var figures = new JsonObject
        {
            ["seconds"] = Math.Round(drainedSeconds, 3),
            ["feedPerSecond"] = Math.Round(items.Count / fedSeconds, 1),
            ["drainPerSecond"] = Math.Round(stored / drainedSeconds, 1),
            ["backlogPeakMessages"] = samples.Select(sample => sample.Backlog).DefaultIfEmpty(0).Max(),
            ["backlogAtFeedEndMessages"] = backlogAtFeedEnd,
            ["messages"] = batchIds.Count,
            ["stored"] = stored,
            ["poisoned"] = poisonedMessages + keptPoisoned,
            ["peakMB"] = hostPeak,
            ["rssFirstThirdMaxMB"] = early,
            ["rssLastThirdMaxMB"] = late,
            ["azuritePeakMB"] = azurite.PeakMB,
            ["samples"] = new JsonArray(samples.Select(sample => (JsonNode)new JsonArray(Math.Round(sample.Seconds, 1), sample.RssMB, sample.Backlog)).ToArray()),
        };
        bench.Progress($"{Name} run {run}/{bench.Settings.Runs}: all {stored:N0} stored once after {drainedSeconds:N0} s ({figures["drainPerSecond"]}/s); backlog peak {figures["backlogPeakMessages"]} messages; host RSS {early} MB in the first third, {late} MB in the last, peak {hostPeak} MB; nothing poisoned");
        return figures;
    }

    private static async Task SampleAsync(FunctionsHost host, Azure.Storage.Queues.QueueClient queue, Stopwatch clock, List<(double, double, int)> samples, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            do
            {
                var backlog = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
                lock (samples)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, host.ResidentMB, backlog));
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>Waits for every batch's receipt, oldest first, as the host drains the queue in order of arrival.</summary>
    private static async Task<List<IngestReceipt>> WaitForReceiptsAsync(BenchmarkRun bench, StorageClientFactory clients, IReadOnlyList<string> batchIds, Stopwatch clock)
    {
        var receipts = new IngestReceipts(clients);
        var found = new List<IngestReceipt>(batchIds.Count);
        var deadline = clock.Elapsed + DrainPatience;
        var reported = clock.Elapsed;
        foreach (var batchId in batchIds)
        {
            IngestReceipt? receipt;
            while ((receipt = await receipts.FindAsync(batchId, bench.Cancellation)) is null)
            {
                if (clock.Elapsed > deadline)
                {
                    throw new BenchmarkException($"{Name}: {batchIds.Count - found.Count} of {batchIds.Count} batches without a receipt after {DrainPatience.TotalMinutes:0} minutes of draining");
                }
                if (clock.Elapsed - reported > TimeSpan.FromSeconds(30))
                {
                    bench.Progress($"{Name}: {found.Count:N0} of {batchIds.Count:N0} batches taken in");
                    reported = clock.Elapsed;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), bench.Cancellation);
            }
            found.Add(receipt);
        }
        return found;
    }
}
