using ComplianceReports.Notifications;
using ComplianceReports.Pipeline.Alerts;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Pipeline.Collection;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Pipeline.Poison;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Pipeline.Reviews;
using ComplianceReports.Rendering;
using ComplianceReports.Storage;
using ComplianceReports.Storage.Alerts;
using ComplianceReports.Storage.Delivery;
using ComplianceReports.Storage.Collection;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Storage.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline;

public static class PipelineServices
{
    /// <summary>Registers the pipeline's use cases and adapters; both hosts call this with their own configuration.</summary>
    public static IServiceCollection AddCompliancePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = StorageConnection.FromConfiguration(configuration)
            ?? throw new InvalidOperationException(
                $"No storage connection: set {StorageConnection.DefaultName} to a connection string (locally \"{StorageConnection.DevelopmentStorage}\"), "
                + $"or {StorageConnection.DefaultName}__accountName for an identity-based connection.");

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ReportConfiguration>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportConfiguration>, ReportConfigurationValidation>();
        services.AddSingleton(provider => ReportOptions.From(provider.GetRequiredService<IOptions<ReportConfiguration>>().Value));
        services.AddOptions<NotificationConfiguration>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationConfiguration>, NotificationConfigurationValidation>();
        services.AddSingleton(provider => NotificationOptions.From(provider.GetRequiredService<IOptions<NotificationConfiguration>>().Value));
        services.AddOptions<CollectorConfiguration>().Bind(configuration.GetSection(CollectorConfiguration.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CollectorConfiguration>, CollectorConfigurationValidation>();
        services.AddSingleton(provider => CollectorOptions.From(provider.GetRequiredService<IOptions<CollectorConfiguration>>().Value));
        services.AddSingleton<ReportSigning>();
        services.AddSingleton(new StorageClientFactory(connection));
        services.AddSingleton<StorageResources>();
        services.AddSingleton<TableEventStore>();
        services.AddSingleton<QuarantineStore>();
        services.AddSingleton<IngestReceipts>();
        services.AddSingleton<IngestBlobs>();
        // Ingestion raises findings and quarantines with the identity that appends: its own alert store.
        services.AddSingleton<AlertStore>();
        services.AddSingleton<Alerting>();
        // Webhook calls are rare and short: one client for the process, with a timeout that never holds the alert timer long.
        services.AddSingleton(new WebhookPoster(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }));
        services.AddSingleton<ReportPdfRenderer>();
        services.AddSingleton<AuditEventIngestion>();
        services.AddSingleton<AlertChannels>();
        // The collector and the poison keeper write where producers and ingestion do: the host's connection.
        services.AddSingleton<CollectorStates>();
        services.AddSingleton<AuditEventQueue>();
        services.AddSingleton<PrivXCollection>();
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<PoisonStore>();
        services.AddSingleton<MessageFailures>();
        services.AddSingleton<FailedAttempts>();
        services.AddSingleton<PoisonKeeping>();
        AddReportSide(services, StorageConnection.FromConfiguration(configuration, ReportStorageName));
        return services;
    }

    /// <summary>
    /// The connection reports run under when it is set (in Azure, a second identity that reads events and
    /// writes only the reports' containers: infra/README.md); otherwise the host's own.
    /// </summary>
    public const string ReportStorageName = "ReportStorage";

    /// <summary>
    /// Everything that generates, schedules, signs, serves, mails and reviews reports, and the alert timer,
    /// on the report connection, else on the host's.
    /// </summary>
    private static void AddReportSide(IServiceCollection services, StorageConnection? connection)
    {
        services.AddKeyedSingleton(ReportStorageName, (provider, _) =>
            connection is null ? provider.GetRequiredService<StorageClientFactory>() : new StorageClientFactory(connection));
        static StorageClientFactory Clients(IServiceProvider provider) => provider.GetRequiredKeyedService<StorageClientFactory>(ReportStorageName);
        // Reports read the event store and the quarantine through the report connection too, never the one that appends.
        services.AddKeyedSingleton(ReportStorageName, (provider, _) => new TableEventStore(Clients(provider), provider.GetRequiredService<TimeProvider>()));
        static TableEventStore Events(IServiceProvider provider) => provider.GetRequiredKeyedService<TableEventStore>(ReportStorageName);
        services.AddSingleton(provider => new BlobReportStore(Clients(provider)));
        services.AddSingleton(provider => new DaySealStore(Clients(provider)));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SealedDays>(provider, Events(provider)));
        services.AddSingleton(provider => new SigningCertificateStore(Clients(provider), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new MonthLocks(Clients(provider)));
        services.AddSingleton(provider => new ReportRequestOutcomes(Clients(provider)));
        services.AddSingleton(provider => new ReportRequestQueue(Clients(provider)));
        services.AddSingleton(provider => new ReportMailQueue(Clients(provider)));
        services.AddSingleton(provider => new MailDeliveries(Clients(provider)));
        services.AddSingleton(provider => new QueueDepths(Clients(provider)));
        services.AddSingleton(provider => new ReportReviewStore(Clients(provider)));
        services.AddSingleton<ReportMailing>();
        services.AddSingleton<ReportReviewing>();
        // What reports, mail, reviews and the alert timer raise and send goes through the report connection's alert store.
        services.AddKeyedSingleton(ReportStorageName, (provider, _) => new AlertStore(Clients(provider)));
        static AlertStore Alerts(IServiceProvider provider) => provider.GetRequiredKeyedService<AlertStore>(ReportStorageName);
        services.AddKeyedSingleton(ReportStorageName, (provider, _) => ActivatorUtilities.CreateInstance<Alerting>(provider, Alerts(provider)));
        static Alerting ReportAlerting(IServiceProvider provider) => provider.GetRequiredKeyedService<Alerting>(ReportStorageName);
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReportGeneration>(
            provider, Events(provider), new QuarantineStore(Clients(provider)), ReportAlerting(provider)));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReportScheduling>(provider, Events(provider)));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<AlertMonitoring>(provider, Alerts(provider), ReportAlerting(provider)));
    }

    /// <summary>
    /// Checks the settings bound with <c>ValidateOnStart</c> before <paramref name="host"/> starts, which would
    /// check them too but log the failure with a stack trace: a bad setting is one line on standard error naming it.
    /// </summary>
    public static bool SettingsAreValid(this IHost host, string hostName)
    {
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (OptionsValidationException invalid)
        {
            Console.Error.WriteLine($"{hostName}: {invalid.Message}");
            return false;
        }
    }

    /// <summary>For a host on storage nobody provisioned (locally, on Azurite): creates what is missing as it starts.</summary>
    public static IServiceCollection CreateStorageAtStartup(this IServiceCollection services) =>
        services.AddHostedService(provider => new StorageStartup(StartupResources(provider).CreateAllAsync, provider.GetRequiredService<ILogger<StorageStartup>>()));

    /// <summary>For a host in Azure, where infra/ creates every resource: checks as it starts and names what is missing.</summary>
    public static IServiceCollection CheckStorageAtStartup(this IServiceCollection services) =>
        services.AddHostedService(provider => new StorageStartup(StartupResources(provider).CheckAllAsync, provider.GetRequiredService<ILogger<StorageStartup>>()));

    /// <summary>
    /// The startup's own loop is its retry policy: each try retries once, quickly, so storage that cannot
    /// be reached is named in about a second rather than after the SDK's twenty of backing off.
    /// </summary>
    private static StorageResources StartupResources(IServiceProvider provider) =>
        new(new StorageClientFactory(provider.GetRequiredService<StorageClientFactory>().Connection, options =>
        {
            options.Retry.MaxRetries = 1;
            options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        }));
}
