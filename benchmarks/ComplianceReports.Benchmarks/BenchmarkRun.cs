using System.Diagnostics;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Benchmarks;

/// <param name="Size">smoke or full.</param>
/// <param name="Only">The scenarios to run, or empty for all.</param>
public sealed record BenchmarkSettings(BenchmarkSize Size, int Runs, IReadOnlySet<string> Only, string OutputPath);

/// <summary>What one invocation shares: where things are, what to run, the results so far, progress lines.</summary>
public sealed class BenchmarkRun(BenchmarkSettings settings, BenchmarkPaths paths, string appDirectory, CancellationToken cancellationToken)
{
    private static readonly TimeSpan Patience = TimeSpan.FromHours(1);

    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private int logs;

    public BenchmarkSettings Settings => settings;

    public BenchmarkPaths Paths => paths;

    public CancellationToken Cancellation => cancellationToken;

    private readonly List<ScenarioResult> results = [];

    public IReadOnlyList<ScenarioResult> Results
    {
        get
        {
            lock (results)
            {
                return results.ToList();
            }
        }
    }

    public void Add(ScenarioResult result)
    {
        lock (results)
        {
            results.Add(result);
        }
    }

    public bool Wants(string scenario) => settings.Only.Count == 0 || settings.Only.Contains(scenario);

    public void Progress(string line) => Console.WriteLine($"[{elapsed.Elapsed:hh\\:mm\\:ss}] {line}");

    /// <summary>A fresh log file for a child process, numbered in the order they start.</summary>
    public string LogPath(string what) => Path.Combine(paths.Work, $"{Interlocked.Increment(ref logs):D3}-{what}.log");

    public Task<Azurite> StartAzuriteAsync(long events, string group) =>
        Azurite.StartAsync(paths, events, LogPath($"azurite-{group}"), cancellationToken);

    public Task<FunctionsHost> StartHostAsync(Azurite azurite, string scenario) =>
        FunctionsHost.StartAsync(paths, appDirectory, azurite.ConnectionString, settings.Size.Timed, LogPath($"host-{scenario}"), cancellationToken);

    /// <summary>Runs `compliance ARGS --connection …` to its end; returns its exit code, output and peak memory.</summary>
    public async Task<(int ExitCode, IReadOnlyList<string> Output, double PeakMB, double Seconds, double CpuSeconds)> RunCliAsync(Azurite azurite, string scenario, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        await using var cli = ChildProcess.Start("dotnet", [paths.CliDll, .. arguments, "--connection", azurite.ConnectionString], new Dictionary<string, string>(), paths.Work, LogPath($"cli-{scenario}"));
        var exitCode = await cli.WaitForExitAsync(Patience, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        return (exitCode, cli.LinesContaining(""), cli.PeakMB, seconds, cli.CpuSeconds);
    }

    /// <summary>Asks for a month's report as the CLI and the timer do, through the queue, and waits for its outcome; returns it and the seconds it took.</summary>
    public async Task<(ReportRequestOutcome Outcome, double Seconds)> RequestReportAsync(StorageClientFactory clients, Month month)
    {
        var request = new ReportRequest(month.ToString(), ReportRequestId.New(), "benchmark");
        var outcomes = new ReportRequestOutcomes(clients);
        var clock = Stopwatch.StartNew();
        await new ReportRequestQueue(clients).SendAsync(request, cancellationToken);
        var outcome = await PollAsync(() => outcomes.FindAsync(request.RequestId, cancellationToken), $"the report of {month}");
        return (outcome, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Sends items through the audit-events queue, in envelopes, and waits until the pipeline's receipts account for them.</summary>
    public async Task<IngestReceipt> IngestAsync(StorageClientFactory clients, IReadOnlyList<string> items)
    {
        var queue = new AuditEventQueue(clients);
        var receipts = new IngestReceipts(clients);
        var batchIds = await queue.SendBatchesAsync(items, AuditEventQueue.NewSendId(), sentMessages: null, cancellationToken);
        var found = new List<IngestReceipt>();
        foreach (var batchId in batchIds)
        {
            found.Add(await PollAsync(() => receipts.FindAsync(batchId, cancellationToken), $"batch {batchId}"));
        }
        return new IngestReceipt("benchmark", found.Sum(r => r.Stored), found.Sum(r => r.Duplicates), found.Sum(r => r.Quarantined), found.Max(r => r.CompletedAt));
    }

    private async Task<T> PollAsync<T>(Func<Task<T?>> find, string what)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await find() is { } found)
            {
                return found;
            }
            if (deadline.Elapsed > Patience)
            {
                throw new BenchmarkException($"gave up after {Patience.TotalMinutes:0} minutes waiting for {what}: see the host's log in {paths.Work}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
