using ComplianceReports.LocalHost;
using ComplianceReports.LocalHost.Http;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// The Functions app's classes running in the WebJobs host, as scripts/run-local.sh runs them, on an
/// Azurite account of their own, with the repository's real host.json.
/// </summary>
public class LocalFunctionsHostFixture : IAsyncLifetime
{
    /// <summary>Every two seconds, so a test sees the real timer fire.</summary>
    public const string TestReportSchedule = "*/2 * * * * *";

    /// <summary>Every second: a poisoned message is kept moments after the host gives up on it.</summary>
    public const string TestPoisonSchedule = "* * * * * *";

    private readonly AzuriteAccount account = AzuriteAccount.Lease();
    private readonly string reportSchedule;
    private readonly IReadOnlyDictionary<string, string?> moreSettings;
    private readonly LogLevel minimumLogLevel;
    private IHost? host;

    public LocalFunctionsHostFixture()
        : this(TestReportSchedule)
    {
    }

    /// <param name="moreSettings">App settings of a fixture that needs more than the pipeline's (the collector's).</param>
    /// <param name="minimumLogLevel">What the host logs: Warning keeps the shared host's log short; a test of the log itself takes everything.</param>
    protected LocalFunctionsHostFixture(string reportSchedule, IReadOnlyDictionary<string, string?>? moreSettings = null, LogLevel minimumLogLevel = LogLevel.Warning)
    {
        this.reportSchedule = reportSchedule;
        this.moreSettings = moreSettings ?? new Dictionary<string, string?>();
        this.minimumLogLevel = minimumLogLevel;
    }

    public string ConnectionString => account.ConnectionString;

    public RecordedLog Log { get; } = new();

    public StorageClientFactory Storage => new(StorageConnection.FromConnectionString(account.ConnectionString));

    /// <summary>Where the local host serves the HTTP functions: a free port, never 7071, which a developer's run may hold.</summary>
    public Uri HttpBaseAddress => (host ?? throw new InvalidOperationException("The host has not started.")).Services.GetRequiredService<LocalHttpServer>().BaseAddress;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The self-signed certificate the local host makes once, kept out of the repository by the tests.</summary>
    public static string SigningCertificatePath { get; } = Path.Combine(Path.GetTempPath(), "compliance-reports-tests", "report-signing.pfx");

    public async Task InitializeAsync()
    {
        host = LocalFunctionsHost.Build(new LocalHostOptions(
            Path.Combine(RepositoryRoot, "host.json"),
            LocalSettingsPath: null,
            new Dictionary<string, string?>
            {
                [StorageConnection.DefaultName] = account.ConnectionString,
                ["ReportSchedule"] = reportSchedule,
                ["PoisonSchedule"] = TestPoisonSchedule,
                ["ReportOrganisation"] = "Example Bank plc",
                [ReportOptions.LocalSelfSignedPathKey] = SigningCertificatePath,
                [LocalHttpServer.UrlSetting] = "http://127.0.0.1:0",
                // Fast polling and immediate retries keep the tests short; dequeue count and encoding stay host.json's.
                [$"{LocalHostSettings.HostJsonSection}:extensions:queues:maxPollingInterval"] = "00:00:00.200",
                [$"{LocalHostSettings.HostJsonSection}:extensions:queues:visibilityTimeout"] = "00:00:00",
            }.Concat(moreSettings).ToDictionary(),
            minimumLogLevel,
            Log));
        await host.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        // What the host logged, for whoever reads a failed run: scripts/test.sh runs in a temporary directory.
        await File.WriteAllLinesAsync(Path.Combine(Path.GetTempPath(), $"compliance-host-{account.Name}-{DateTime.UtcNow:yyyyMMddHHmmss}.log"), Log.Messages);
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
        account.Dispose();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ComplianceReports.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside the repository: ComplianceReports.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class LocalFunctionsHostCollection : ICollectionFixture<LocalFunctionsHostFixture>
{
    public const string Name = "local functions host";
}
