using System.Text.Json.Nodes;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// `compliance send` of a large NDJSON file, without --wait: the CLI reads, checks and spools every
/// line, uploads the export and sends the one message naming it. Its peak memory is the figure; no
/// host runs, so the seconds are the CLI's alone.
/// </summary>
public static class CliSendScenario
{
    public const string Name = "cli-send";

    private static readonly Month SendMonth = new(2025, 5);

    public static async Task RunAsync(BenchmarkRun bench)
    {
        if (!bench.Wants(Name))
        {
            return;
        }
        var count = bench.Settings.Size.CliSendEvents;
        var file = Path.Combine(bench.Paths.Work, $"{Name}.ndjson");
        bench.Progress($"{Name}: writing {count:N0} events of {SendMonth} as NDJSON");
        var result = new ScenarioResult(Name, "cli") { Events = await Workload.WriteNdjsonAsync(file, Workload.Items(SendMonth, count), bench.Cancellation) };
        result.Fact("fileMB", Math.Round(new FileInfo(file).Length / 1e6, 1));
        for (var run = 1; run <= bench.Settings.Runs; run++)
        {
            // An Azurite of its own each run: an export blob is held in its memory.
            await using var azurite = await bench.StartAzuriteAsync(count, Name);
            var send = await bench.RunCliAsync(azurite, Name, "send", file);
            if (send.ExitCode != 0 || !send.Output.Any(line => line.StartsWith($"sent {count} events", StringComparison.Ordinal)))
            {
                throw new BenchmarkException($"{Name}: send exited {send.ExitCode}: {string.Join(" / ", send.Output.TakeLast(3))}");
            }
            var figures = new JsonObject
            {
                ["seconds"] = Math.Round(send.Seconds, 3),
                ["peakMB"] = send.PeakMB,
                ["azuritePeakMB"] = azurite.PeakMB,
            };
            bench.Progress($"{Name} run {run}/{bench.Settings.Runs}: {send.Seconds:N1} s, CLI peak {send.PeakMB} MB");
            result.Add(figures);
        }
        bench.Add(result);
        File.Delete(file);
    }
}
