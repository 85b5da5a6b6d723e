using Azure.Storage.Queues;
using ComplianceReports.Functions;
using ComplianceReports.LocalHost.Http;
using ComplianceReports.Pipeline;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Pipeline.Reports;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReports.LocalHost;

/// <param name="HostJsonPath">The Functions app's host.json: queue settings come from it.</param>
/// <param name="LocalSettingsPath">local.settings.json, or <c>null</c> for none (tests).</param>
/// <param name="Settings">App settings that win over the files and the environment (tests).</param>
/// <param name="LogSink">Receives the host's log besides the console (tests).</param>
/// <param name="Restart">Told when a background failure stopped the host to be started again (<see cref="HostRestart"/>).</param>
public sealed record LocalHostOptions(
    string HostJsonPath,
    string? LocalSettingsPath,
    IReadOnlyDictionary<string, string?>? Settings = null,
    LogLevel MinimumLogLevel = LogLevel.Information,
    ILoggerProvider? LogSink = null,
    HostRestart? Restart = null);

/// <summary>
/// Hosts the Functions app's own classes in the WebJobs SDK: the real queue listener (dequeue count,
/// poison queue, backoff) and the real timer (schedule, singleton lock, past-due runs) against Azurite,
/// and the HTTP functions on Kestrel (<see cref="LocalHttpServer"/>).
/// </summary>
public static class LocalFunctionsHost
{
    public const string DefaultPoisonSchedule = "0 * * * * *";

    public static IHost Build(LocalHostOptions options) =>
        new HostBuilder()
            .ConfigureAppConfiguration(configuration =>
            {
                // Locally, reports are signed with a self-signed certificate made once beside the app, never in blob storage.
                // The collector's timer needs a schedule even when it is off; in Azure infra/ sets it.
                configuration.AddInMemoryCollection([
                    KeyValuePair.Create<string, string?>(
                        ReportOptions.LocalSelfSignedPathKey,
                        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.HostJsonPath))!, ".local", "report-signing.pfx")),
                    KeyValuePair.Create<string, string?>(FunctionSchedules.CollectScheduleKey, FunctionSchedules.DefaultCollectSchedule),
                ]);
                // A local.settings.json made before the poison timer existed still runs it, every minute.
                configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("PoisonSchedule", DefaultPoisonSchedule)]);
                configuration.AddFunctionsSettings(options.HostJsonPath, options.LocalSettingsPath);
                if (options.Settings is not null)
                {
                    configuration.AddInMemoryCollection(options.Settings);
                }
            })
            .ConfigureServices((context, services) =>
            {
                // Before the WebJobs host, whose listeners and timer start in registration order after it:
                // every queue, table and container exists before the first function runs.
                services.AddCompliancePipeline(context.Configuration);
                services.CreateStorageAtStartup();
            })
            .ConfigureWebJobs((context, webJobs) =>
            {
                webJobs.UseHostId(HostIdentity.Local.Id);
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageQueues(queues =>
                {
                    queues.MessageEncoding = QueueMessageEncoding.Base64;
                    context.Configuration.GetSection($"{LocalHostSettings.HostJsonSection}:extensions:queues").Bind(queues);
                });
                webJobs.AddTimers();
                ExpiringLockRelease.Decorate(webJobs.Services);
                webJobs.Services.RemoveAll<ScheduleMonitor>();
                webJobs.Services.AddSingleton<ScheduleMonitor, BlobScheduleMonitor>();
                webJobs.Services.AddSingleton(options.Restart ?? new HostRestart());
                webJobs.Services.RemoveAll<IWebJobsExceptionHandlerFactory>();
                webJobs.Services.AddSingleton<IWebJobsExceptionHandlerFactory, HostRestart.ExceptionHandlerFactory>();
            })
            .ConfigureServices((context, services) =>
            {
                // No sign-in locally: the caller holds every role, the body names a review's reviewer, and the server answers loopback alone.
                services.AddReportDelivery(context.Configuration, CallerTrust.LocalEveryRole);
                // The HTTP functions, on Kestrel beside the WebJobs host (LocalHttpUrl, default http://127.0.0.1:7071).
                services.AddOptions<LocalHttpConfiguration>().Bind(context.Configuration).ValidateOnStart();
                services.AddSingleton<IValidateOptions<LocalHttpConfiguration>, LocalHttpConfigurationValidation>();
                services.AddSingleton<LocalHttpServer>();
                services.AddHostedService(provider => provider.GetRequiredService<LocalHttpServer>());
                services.AddSingleton(HostIdentity.Local);
                services.AddSingleton<ITypeLocator>(new FunctionShimsLocator());
            })
            .ConfigureLogging((context, logging) =>
            {
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss ";
                });
                logging.SetMinimumLevel(options.MinimumLogLevel);
                if (options.LogSink is not null)
                {
                    logging.AddProvider(options.LogSink);
                }
                // The queue listener polls queues that producers create; their 404s until then are expected.
                logging.AddFilter("Azure.Core", LogLevel.Error);
                logging.AddFilter("Microsoft.Azure.WebJobs.Hosting.OptionsLoggingService", LogLevel.Warning);
            })
            .UseConsoleLifetime()
            .Build();

    /// <summary>Only the shims are functions here, whatever else the process has loaded (a test runner, say).</summary>
    private sealed class FunctionShimsLocator : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [typeof(FunctionShims)];
    }
}
