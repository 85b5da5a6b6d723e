using ComplianceReports.Benchmarks;

// Usage: ComplianceReports.Benchmarks [--size smoke|full] [--runs N] [--only NAME...] [--out FILE]
// scripts/benchmark.sh builds Release and runs this; see BENCHMARKS.md.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var work = Path.Combine(Path.GetTempPath(), $"compliance-benchmark-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
Directory.CreateDirectory(work);
try
{
    var paths = BenchmarkPaths.Find(work);
    var settings = ParseArguments(args, paths.Root);
    var bench = new BenchmarkRun(settings, paths, FunctionsHost.PrepareAppDirectory(paths), cancel.Token);
    bench.Progress($"benchmark {settings.Size.Name}, {settings.Runs} run(s) each; logs in {work}");

    // Each group has an Azurite of its own. Timed sizes run them one after another, on a quiet machine;
    // the smoke size times nothing, so its groups overlap.
    IEnumerable<Func<Task>> groups =
    [
        () => IngestScenarios.RunAsync(bench),
        .. settings.Size.Sweep.Select(sweep => (Func<Task>)(() => MonthScenarios.RunAsync(bench, sweep.Suffix, sweep.Events))),
        () => MonthScenarios.RunAsync(bench, "", settings.Size.MonthEvents),
        () => CliSendScenario.RunAsync(bench),
        () => LoadScenario.RunAsync(bench),
    ];
    if (!settings.Size.Timed)
    {
        await Task.WhenAll(groups.Select(group => group()));
    }
    else
    {
        foreach (var group in groups)
        {
            await group();
        }
    }

    var order = settings.Size.ScenarioNames().ToList();
    await Results.WriteAsync(settings.OutputPath, settings.Size.Name, settings.Runs, bench.Results.OrderBy(result => order.IndexOf(result.Name)), cancel.Token);
    bench.Progress($"wrote {bench.Results.Count} scenarios to {settings.OutputPath}");
    return 0;
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine($"benchmark: {e.Message} (logs in {work})");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine($"benchmark: cancelled (logs in {work})");
    return 130;
}

static BenchmarkSettings ParseArguments(string[] args, string root)
{
    var size = BenchmarkSize.Full;
    int? runs = null;
    var only = new HashSet<string>(StringComparer.Ordinal);
    var output = Path.Combine(root, "benchmarks", "results.json");
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new BenchmarkException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--size":
                size = BenchmarkSize.Parse(Value());
                break;
            case "--runs":
                runs = int.TryParse(Value(), out var n) && n > 0 ? n : throw new BenchmarkException("--runs must be a positive whole number");
                break;
            case "--out":
                output = Path.GetFullPath(Value());
                break;
            case "--only":
                while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    only.Add(args[++i]);
                }
                break;
            default:
                throw new BenchmarkException($"unknown argument '{args[i]}': usage [--size smoke|full] [--runs N] [--only NAME...] [--out FILE]");
        }
    }
    var unknown = only.Except(size.ScenarioNames()).ToList();
    if (unknown.Count > 0)
    {
        throw new BenchmarkException($"no scenario named {string.Join(", ", unknown)}: the scenarios are {string.Join(", ", size.ScenarioNames())}");
    }
    return new BenchmarkSettings(size, runs ?? size.DefaultRuns, only, output);
}
