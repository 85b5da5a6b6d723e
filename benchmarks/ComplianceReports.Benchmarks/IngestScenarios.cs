using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// An export from `compliance send --wait` (the CLI process) until the host's receipts say every event
/// is committed, against the same entities sent raw (100-entity transactions, 8 in flight) into a fresh
/// table of the same Azurite. Each run has an Azurite of its own, so both start from empty tables.
/// </summary>
public static partial class IngestScenarios
{
    public const string Plain = "ingest";
    public const string Redelivered = "ingest-duplicates";

    private const int RawTransactionsInFlight = 8;
    private const int MaxTransactionEntities = 100;

    private static readonly Month IngestMonth = new(2025, 1);

    public static async Task RunAsync(BenchmarkRun bench)
    {
        if (!bench.Wants(Plain) && !bench.Wants(Redelivered))
        {
            return;
        }
        var count = bench.Settings.Size.IngestEvents;
        bench.Progress($"ingest: simulating {count:N0} events of {IngestMonth}");
        var items = Workload.Items(IngestMonth, count).ToList();
        var entities = items.Select(item => RawEntity(Workload.Parse(item))).ToList();
        foreach (var (name, lines) in new[] { (Plain, (IEnumerable<string>)items), (Redelivered, Workload.WithRedeliveries(items)) })
        {
            if (!bench.Wants(name))
            {
                continue;
            }
            var file = Path.Combine(bench.Paths.Work, $"{name}.ndjson");
            var result = new ScenarioResult(name, "host") { Events = await Workload.WriteNdjsonAsync(file, lines, bench.Cancellation) };
            for (var run = 1; run <= bench.Settings.Runs; run++)
            {
                result.Add(await RunOnceAsync(bench, name, file, result.Events, entities, run));
            }
            result.Fact("distinctEvents", count);
            bench.Add(result);
            File.Delete(file);
        }
    }

    private static async Task<JsonObject> RunOnceAsync(BenchmarkRun bench, string name, string file, long lines, IReadOnlyList<TableEntity> entities, int run)
    {
        await using var azurite = await bench.StartAzuriteAsync(lines, name);
        double hostPeak, hostCpu;
        (int ExitCode, IReadOnlyList<string> Output, double PeakMB, double Seconds, double CpuSeconds) send;
        await using (var host = await bench.StartHostAsync(azurite, name))
        {
            send = await bench.RunCliAsync(azurite, name, "send", file, "--wait", "--timeout", "3600");
            hostPeak = await host.StopAsync();
            hostCpu = host.CpuSeconds;
        }
        var azuriteCpu = azurite.CpuSeconds;
        var (stored, duplicates) = Receipt(send.Output);
        if (send.ExitCode != 0 || stored != entities.Count || stored + duplicates != lines)
        {
            throw new BenchmarkException($"{name}: send exited {send.ExitCode} with stored {stored}, duplicates {duplicates} of {lines} lines ({entities.Count} distinct)");
        }
        var clientCpu = Environment.CpuUsage.TotalTime;
        var rawSeconds = await RawTransactionsAsync(azurite, entities, bench.Cancellation);
        var rawClientCpu = (Environment.CpuUsage.TotalTime - clientCpu).TotalSeconds;
        var figures = new JsonObject
        {
            ["pipelineSeconds"] = Math.Round(send.Seconds, 3),
            ["pipelinePerSecond"] = Math.Round(stored / send.Seconds, 1),
            ["rawSeconds"] = Math.Round(rawSeconds, 3),
            ["rawPerSecond"] = Math.Round(entities.Count / rawSeconds, 1),
            ["peakMB"] = hostPeak,
            ["cliPeakMB"] = send.PeakMB,
            ["azuritePeakMB"] = azurite.PeakMB,
            // What bounds the two figures on a small machine: the processor time of each side.
            ["hostCpuSeconds"] = hostCpu,
            ["cliCpuSeconds"] = send.CpuSeconds,
            ["azuriteCpuSeconds"] = azuriteCpu,
            ["rawClientCpuSeconds"] = Math.Round(rawClientCpu, 2),
            ["rawAzuriteCpuSeconds"] = Math.Round(azurite.CpuSeconds - azuriteCpu, 2),
            ["stored"] = stored,
            ["duplicates"] = duplicates,
        };
        bench.Progress($"{name} run {run}/{bench.Settings.Runs}: {figures["pipelinePerSecond"]} events/s through the pipeline, {figures["rawPerSecond"]} raw; host peak {hostPeak} MB");
        return figures;
    }

    /// <summary>The entity the store writes for the event, its raw item inline (the simulator's are small).</summary>
    private static TableEntity RawEntity(Domain.Events.AuditEvent auditEvent)
    {
        var entity = EventEntity.From(auditEvent);
        entity[EventEntity.Raw] = auditEvent.RawJson;
        entity[EventEntity.IngestedAt] = DateTimeOffset.UtcNow;
        return entity;
    }

    /// <summary>Plain entity-group transactions of up to 100 entities of one partition, 8 in flight: the table's own speed.</summary>
    private static async Task<double> RawTransactionsAsync(Azurite azurite, IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        var table = new StorageClientFactory(StorageConnection.FromConnectionString(azurite.ConnectionString)).CreateTableClient("RawIngest");
        await table.CreateIfNotExistsAsync(cancellationToken);
        var transactions = entities
            .GroupBy(entity => entity.PartitionKey)
            .SelectMany(partition => partition.Chunk(MaxTransactionEntities))
            .ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = RawTransactionsInFlight, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitTransactionAsync(batch.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity)), token));
        return clock.Elapsed.TotalSeconds;
    }

    private static (int Stored, int Duplicates) Receipt(IReadOnlyList<string> output) =>
        output.Select(line => ReceiptLine().Match(line)).FirstOrDefault(match => match.Success) is { } match
            ? (int.Parse(match.Groups["stored"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["duplicates"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (0, 0);

    [GeneratedRegex(@"stored (?<stored>\d+), duplicates (?<duplicates>\d+)")]
    private static partial Regex ReceiptLine();
}
