namespace ComplianceReports.Benchmarks;

/// <param name="Name">As given to --size.</param>
/// <param name="IngestEvents">Events in the export of ingest and ingest-duplicates.</param>
/// <param name="MonthEvents">Events in the month of rebuild, scheduled-report and unchanged-month.</param>
/// <param name="Sweep">Further month sizes, each in an Azurite of its own, by the suffix of their scenario names.</param>
/// <param name="CliSendEvents">Events in the file of cli-send.</param>
/// <param name="LoadSeconds">How long load feeds the queue.</param>
/// <param name="LoadPerSecond">Events load sends each second, in envelopes: more than the host takes in.</param>
/// <param name="Timed">Whether the figures are for reading: then the groups run one after another and the host polls its
/// queues as host.json says; a size that times nothing overlaps its groups and polls its queues often, to be over soon.</param>
public sealed record BenchmarkSize(string Name, int IngestEvents, int MonthEvents, IReadOnlyList<(string Suffix, int Events)> Sweep, int CliSendEvents, int LoadSeconds, int LoadPerSecond, int DefaultRuns, bool Timed)
{
    /// <summary>The figures of the issue: what scripts/benchmark.sh runs unless told otherwise.</summary>
    public static BenchmarkSize Full { get; } = new("full", 100_000, 1_000_000, [("-100k", 100_000), ("-300k", 300_000)], 1_000_000, LoadSeconds: 180, LoadPerSecond: 3_000, DefaultRuns: 3, Timed: true);

    /// <summary>Every scenario, small: what the test suite runs to prove the benchmark works, never to time anything.</summary>
    public static BenchmarkSize Smoke { get; } = new("smoke", 2_000, 2_000, [("-100k", 1_000), ("-300k", 1_500)], 2_000, LoadSeconds: 10, LoadPerSecond: 200, DefaultRuns: 1, Timed: false);

    public static BenchmarkSize Parse(string name) => name switch
    {
        "full" => Full,
        "smoke" => Smoke,
        _ => throw new BenchmarkException($"--size must be smoke or full, not '{name}'"),
    };

    /// <summary>Every scenario name this size runs, in the order it runs them.</summary>
    public IEnumerable<string> ScenarioNames() =>
        new[] { IngestScenarios.Plain, IngestScenarios.Redelivered }
            .Concat(Sweep.Append(("", MonthEvents)).SelectMany(sweep => MonthScenarios.Names(sweep.Item1)))
            .Append(CliSendScenario.Name)
            .Append(LoadScenario.Name);
}
