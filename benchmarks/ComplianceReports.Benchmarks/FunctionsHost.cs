using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceReports.Signing;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// The real WebJobs-hosted functions (src/ComplianceReports.LocalHost) as a child process on the
/// benchmark's Azurite, started fresh for each measured run so that its peak memory is that run's.
/// </summary>
public sealed partial class FunctionsHost : IAsyncDisposable
{
    /// <summary>
    /// A schedule that does not come during a run: the timer would otherwise ask for reports of its own
    /// beside the ones measured. Timer schedules are UTC; this one is New Year's midnight.
    /// </summary>
    public const string QuietSchedule = "0 0 0 1 1 *";

    private readonly ChildProcess process;

    private FunctionsHost(ChildProcess process) => this.process = process;

    public double PeakMB => process.PeakMB;

    public double CpuSeconds => process.CpuSeconds;

    public double ResidentMB => process.ResidentMB;

    /// <summary>
    /// An app directory of the benchmark's own: host.json as the repository has it, no local.settings.json
    /// (every setting comes from the environment), and one self-signed signing certificate made before
    /// any run, so no timed run pays for its key.
    /// </summary>
    public static string PrepareAppDirectory(BenchmarkPaths paths)
    {
        var app = Path.Combine(paths.Work, "app");
        Directory.CreateDirectory(app);
        File.Copy(paths.HostJson, Path.Combine(app, "host.json"), overwrite: true);
        using var _ = SigningCertificates.LoadOrCreateSelfSigned(Path.Combine(app, ".local", "report-signing.pfx"), "ComplianceReports local signing");
        return app;
    }

    /// <param name="asConfigured">Poll the queues as host.json says (up to every 2 s when idle), as a timed run must; else every 100 ms.</param>
    public static async Task<FunctionsHost> StartAsync(
        BenchmarkPaths paths, string appDirectory, string connectionString, bool asConfigured, string logPath, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["ReportSchedule"] = QuietSchedule,
            ["LocalHttpUrl"] = "http://127.0.0.1:0",
        };
        if (!asConfigured)
        {
            settings["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.100";
        }
        var process = ChildProcess.Start(
            "dotnet",
            [paths.HostDll, appDirectory],
            settings,
            appDirectory,
            logPath);
        try
        {
            await process.WaitForLineAsync("Compliance functions host started", TimeSpan.FromSeconds(120), cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new FunctionsHost(process);
    }

    /// <summary>What the generator logged of the version it made last: the days it took from seals and the days it read.</summary>
    public GenerationLog? LastGeneration()
    {
        var line = process.LinesContaining("days from seals").LastOrDefault();
        return line is not null && GenerationLine().Match(line) is { Success: true } match
            ? new GenerationLog(
                int.Parse(match.Groups["sealed"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["read"].Value, CultureInfo.InvariantCulture),
                match.Groups["seconds"].Success ? double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture) : null)
            : null;
    }

    /// <summary>Stops the host and returns its peak resident memory, read before it began to shut down.</summary>
    public async Task<double> StopAsync()
    {
        var peak = process.PeakMB;
        await process.StopAsync();
        return peak;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    [GeneratedRegex(@"(?<sealed>\d+) days from seals, (?<read>\d+) read(?: from the store, in (?<seconds>\d+(?:\.\d+)?) s)?")]
    private static partial Regex GenerationLine();
}

/// <param name="Seconds">The generator's own time for a new version (not logged for an unchanged month): the request's, less the queue's pickup.</param>
public sealed record GenerationLog(int DaysFromSeals, int DaysRead, double? Seconds);
