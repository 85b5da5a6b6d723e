using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// A month of one size in an Azurite of its own, loaded straight into the store (not measured), then:
/// a rebuild from the raw events with no seals and no report, against a raw scan of the month's
/// partitions on the same table; the next version after one late event for a sealed day; and asking
/// again for the unchanged month. Every request goes through the report-requests queue to the hosted
/// functions and is timed to its outcome.
/// </summary>
public static class MonthScenarios
{
    public const string Rebuild = "rebuild";
    public const string Scheduled = "scheduled-report";
    public const string Unchanged = "unchanged-month";

    /// <summary>Appends in flight while loading; each append runs its own transactions in parallel too.</summary>
    private const int LoadAppendsInFlight = 4;
    private const int LoadEventsPerAppend = 2_000;

    private static readonly Month ReportMonth = new(2025, 3);

    public static IEnumerable<string> Names(string suffix) => [Rebuild + suffix, Scheduled + suffix, Unchanged + suffix];

    public static async Task RunAsync(BenchmarkRun bench, string suffix, int events)
    {
        var (rebuild, scheduled, unchanged) = (Rebuild + suffix, Scheduled + suffix, Unchanged + suffix);
        if (!bench.Wants(rebuild) && !bench.Wants(scheduled) && !bench.Wants(unchanged))
        {
            return;
        }
        await using var azurite = await bench.StartAzuriteAsync(events, rebuild);
        var clients = new StorageClientFactory(StorageConnection.FromConnectionString(azurite.ConnectionString));
        await LoadAsync(bench, clients, events);
        // A timed size starts a host for every run, so that its peak is the run's; one that times nothing shares one host per group, to be over soon.
        await using var shared = bench.Settings.Size.Timed ? null : await bench.StartHostAsync(azurite, rebuild);

        var rebuilt = new ScenarioResult(rebuild, "host") { Events = events };
        // Without a measured rebuild the later scenarios still need the month sealed and reported once.
        var rebuildRuns = bench.Wants(rebuild) ? bench.Settings.Runs : 1;
        for (var run = 1; run <= rebuildRuns; run++)
        {
            rebuilt.Add(await RebuildOnceAsync(bench, azurite, shared, clients, rebuild, events, run));
        }
        var digests = rebuilt.Runs.Select(run => run["digest"]!.GetValue<string>()).Distinct().ToList();
        if (digests.Count != 1)
        {
            throw new BenchmarkException($"{rebuild}: the runs gave different digests: {string.Join(", ", digests)}");
        }
        if (bench.Wants(rebuild))
        {
            rebuilt.Fact("digest", digests[0]);
            rebuilt.Fact("digestsAgree", true);
            bench.Add(rebuilt);
        }

        if (bench.Wants(scheduled))
        {
            var result = new ScenarioResult(scheduled, "host");
            for (var run = 1; run <= bench.Settings.Runs; run++)
            {
                result.Add(await ScheduledOnceAsync(bench, azurite, shared, clients, scheduled, run));
            }
            result.Events = result.Runs[^1]["eventCount"]!.GetValue<long>();
            bench.Add(result);
        }

        if (bench.Wants(unchanged))
        {
            var result = new ScenarioResult(unchanged, "host");
            for (var run = 1; run <= bench.Settings.Runs; run++)
            {
                result.Add(await UnchangedOnceAsync(bench, azurite, shared, clients, unchanged, run));
            }
            result.Events = result.Runs[^1]["eventCount"]!.GetValue<long>();
            bench.Add(result);
        }
    }

    /// <summary>Appends the month with the store's own AppendAsync, many appends at once, as fast as Azurite takes them.</summary>
    private static async Task LoadAsync(BenchmarkRun bench, StorageClientFactory clients, int events)
    {
        await new StorageResources(clients).CreateAllAsync(bench.Cancellation);
        var store = new TableEventStore(clients, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var loaded = 0;
        var nextReport = events / 10;
        bench.Progress($"loading {events:N0} events of {ReportMonth} into the store (not measured)");
        await Parallel.ForEachAsync(
            Workload.Items(ReportMonth, events).Chunk(LoadEventsPerAppend),
            new ParallelOptions { MaxDegreeOfParallelism = LoadAppendsInFlight, CancellationToken = bench.Cancellation },
            async (chunk, token) =>
            {
                await store.AppendAsync(chunk.Select(Workload.Parse).ToList(), token);
                var done = Interlocked.Add(ref loaded, chunk.Length);
                if (done >= Volatile.Read(ref nextReport) && events >= 100_000)
                {
                    Interlocked.Add(ref nextReport, events / 10);
                    bench.Progress($"  loaded {done:N0} of {events:N0} ({done / clock.Elapsed.TotalSeconds:N0}/s)");
                }
            });
        bench.Progress($"loaded {events:N0} events in {clock.Elapsed.TotalSeconds:N1} s");
    }

    private static async Task<JsonObject> RebuildOnceAsync(BenchmarkRun bench, Azurite azurite, FunctionsHost? shared, StorageClientFactory clients, string name, int events, int run)
    {
        await ForgetMonthAsync(clients, bench.Cancellation);
        var (figures, outcome) = await RequestOnceAsync(bench, azurite, shared, clients, name);
        if (!outcome.NewVersion || outcome.EventCount != events)
        {
            throw new BenchmarkException($"{name}: the rebuild gave version {outcome.Version} of {outcome.EventCount} events (new: {outcome.NewVersion}), not a new version of {events}");
        }
        var manifest = await new BlobReportStore(clients).GetLatestAsync(ReportMonth, bench.Cancellation)
            ?? throw new BenchmarkException($"{name}: no report of {ReportMonth} after its outcome");
        var rawSeconds = await RawScanAsync(clients, events, bench.Cancellation);
        var seconds = figures["seconds"]!.GetValue<double>();
        figures["pipelinePerSecond"] = Math.Round(events / seconds, 1);
        figures["rawSeconds"] = Math.Round(rawSeconds, 3);
        figures["rawPerSecond"] = Math.Round(events / rawSeconds, 1);
        figures["digest"] = manifest.EventDigest;
        bench.Progress($"{name} run {run}/{bench.Settings.Runs}: {seconds:N1} s (raw scan {rawSeconds:N1} s); host peak {figures["peakMB"]} MB; digest {manifest.EventDigest[..12]}");
        return figures;
    }

    private static async Task<JsonObject> ScheduledOnceAsync(BenchmarkRun bench, Azurite azurite, FunctionsHost? shared, StorageClientFactory clients, string name, int run)
    {
        // One late event for a sealed day, stored before the clock starts: the version after it is what is timed.
        var late = Workload.Items(ReportMonth, 1, seed: 1_000 + run).ToList();
        var (figures, outcome) = await RequestOnceAsync(bench, azurite, shared, clients, name, async () =>
        {
            var receipt = await bench.IngestAsync(clients, late);
            if (receipt.Stored != 1)
            {
                throw new BenchmarkException($"{name}: the late event was not stored (stored {receipt.Stored}, duplicates {receipt.Duplicates}, quarantined {receipt.Quarantined})");
            }
        });
        if (!outcome.NewVersion)
        {
            throw new BenchmarkException($"{name}: a late event gave no new version (version {outcome.Version})");
        }
        bench.Progress($"{name} run {run}/{bench.Settings.Runs}: version {outcome.Version} in {figures["seconds"]} s, {figures["daysFromSeals"]} days from seals, {figures["daysRead"]} read; host peak {figures["peakMB"]} MB");
        return figures;
    }

    private static async Task<JsonObject> UnchangedOnceAsync(BenchmarkRun bench, Azurite azurite, FunctionsHost? shared, StorageClientFactory clients, string name, int run)
    {
        var (figures, outcome) = await RequestOnceAsync(bench, azurite, shared, clients, name);
        if (outcome.NewVersion)
        {
            throw new BenchmarkException($"{name}: asking again for an unchanged month made version {outcome.Version}");
        }
        bench.Progress($"{name} run {run}/{bench.Settings.Runs}: version {outcome.Version} again in {figures["seconds"]} s; host peak {figures["peakMB"]} MB");
        return figures;
    }

    /// <summary>A fresh host (unless one is <paramref name="shared"/>), anything <paramref name="before"/> it that is not timed, then one report request timed to its outcome.</summary>
    private static async Task<(JsonObject Figures, Domain.Contracts.ReportRequestOutcome Outcome)> RequestOnceAsync(
        BenchmarkRun bench, Azurite azurite, FunctionsHost? shared, StorageClientFactory clients, string name, Func<Task>? before = null)
    {
        await using var own = shared is null ? await bench.StartHostAsync(azurite, name) : null;
        var host = own ?? shared!;
        if (before is not null)
        {
            await before();
        }
        var (outcome, seconds) = await bench.RequestReportAsync(clients, ReportMonth);
        var generation = host.LastGeneration();
        var figures = new JsonObject
        {
            ["seconds"] = Math.Round(seconds, 3),
            ["peakMB"] = own is not null ? await own.StopAsync() : host.PeakMB,
            ["azuritePeakMB"] = azurite.PeakMB,
            ["version"] = outcome.Version,
            ["eventCount"] = outcome.EventCount,
        };
        if (generation is not null)
        {
            figures["daysFromSeals"] = generation.DaysFromSeals;
            figures["daysRead"] = generation.DaysRead;
            if (generation.Seconds is { } generatorSeconds)
            {
                figures["generatorSeconds"] = generatorSeconds;
            }
        }
        return (figures, outcome);
    }

    /// <summary>No seals and no report of the month: a rebuild must read every event, as after a first deployment.</summary>
    private static async Task ForgetMonthAsync(StorageClientFactory clients, CancellationToken cancellationToken)
    {
        foreach (var (container, prefix) in new[] { (DaySealStore.ContainerName, (string?)null), (BlobReportStore.ContainerName, $"{ReportMonth}/") })
        {
            var blobs = clients.CreateBlobContainerClient(container);
            var names = new List<string>();
            await foreach (var blob in blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                names.Add(blob.Name);
            }
            await Parallel.ForEachAsync(names, cancellationToken, async (blob, token) => await blobs.DeleteBlobIfExistsAsync(blob, cancellationToken: token));
        }
    }

    /// <summary>Every column of every event of the month's partitions, as the SDK pages them: the least any report can read.</summary>
    private static async Task<double> RawScanAsync(StorageClientFactory clients, int events, CancellationToken cancellationToken)
    {
        var table = clients.CreateTableClient(TableEventStore.TableName);
        var clock = Stopwatch.StartNew();
        var read = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(EventKeys.DayRangeFilter(ReportMonth.StartUtc, ReportMonth.EndUtc), cancellationToken: cancellationToken))
        {
            read++;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (read != events)
        {
            throw new BenchmarkException($"the raw scan of {ReportMonth} read {read} events, not the {events} loaded");
        }
        return seconds;
    }
}
