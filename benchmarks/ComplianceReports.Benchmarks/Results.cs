using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// One scenario's runs and what results.json says of them: the median of every figure over the runs,
/// except peaks, which are the highest any run reached (a bound is what the goals are about), and the
/// ratio, pipeline over raw of the medians. Every run is kept beside them.
/// </summary>
public sealed class ScenarioResult(string name, string peakOf)
{
    private static readonly HashSet<string> Peaks = ["peakMB", "cliPeakMB", "azuritePeakMB"];

    private readonly List<JsonObject> runs = [];
    private readonly JsonObject facts = [];

    public string Name => name;

    public long Events { get; set; }

    public IReadOnlyList<JsonObject> Runs => runs;

    public void Add(JsonObject run) => runs.Add(run);

    /// <summary>Something true of every run (a digest, a heap size), stated once.</summary>
    public void Fact(string key, JsonNode? value) => facts[key] = value;

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = name, ["events"] = Events };
        var figures = runs.SelectMany(run => run.Where(pair => pair.Value is JsonValue value && value.TryGetValue<double>(out _)).Select(pair => pair.Key)).Distinct().ToList();
        foreach (var figure in figures)
        {
            var values = runs.Select(run => run[figure]?.GetValue<double>()).OfType<double>().ToList();
            json[figure] = Math.Round(Peaks.Contains(figure) ? values.Max() : Median(values), 3);
        }
        if (json["pipelinePerSecond"] is { } pipeline && json["rawPerSecond"] is { } raw)
        {
            json["ratio"] = Math.Round(pipeline.GetValue<double>() / raw.GetValue<double>(), 3);
        }
        json["peakOf"] = peakOf;
        foreach (var (key, value) in facts)
        {
            json[key] = value?.DeepClone();
        }
        json["runs"] = new JsonArray(runs.Select(run => (JsonNode)run.DeepClone()).ToArray());
        return json;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

public static class Results
{
    public static async Task WriteAsync(string path, string size, int runsPerScenario, IEnumerable<ScenarioResult> scenarios, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["machine"] = await MachineAsync(cancellationToken),
            ["size"] = size,
            ["runsPerScenario"] = runsPerScenario,
            ["generatedAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["scenarios"] = new JsonArray(scenarios.Select(scenario => (JsonNode)scenario.ToJson()).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken);
    }

    /// <summary>Cores, memory, OS, .NET and Node: what the figures depend on.</summary>
    private static async Task<string> MachineAsync(CancellationToken cancellationToken)
    {
        var memory = File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal));
        var gigabytes = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
        var nodeVersion = (await node.StandardOutput.ReadToEndAsync(cancellationToken)).Trim();
        await node.WaitForExitAsync(cancellationToken);
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? $" (Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()})" : "";
        return $"{Environment.ProcessorCount} cores, {gigabytes:0.0} GB RAM, {os ?? RuntimeInformation.OSDescription}{kernel}, "
            + $"{RuntimeInformation.FrameworkDescription}, Node {nodeVersion}";
    }
}
