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
        services.AddSingleton<BlobReportStore>();
        services.AddSingleton<DaySealStore>();
        services.AddSingleton<SealedDays>();
        services.AddSingleton<SigningCertificateStore>();
        services.AddSingleton<MonthLocks>();
        services.AddSingleton<ReportRequestOutcomes>();
        services.AddSingleton<ReportRequestQueue>();
        services.AddSingleton<ReportMailQueue>();
        services.AddSingleton<MailDeliveries>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<QueueDepths>();
        // Webhook calls are rare and short: one client for the process, with a timeout that never holds the alert timer long.
        services.AddSingleton(new WebhookPoster(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }));
        services.AddSingleton<ReportPdfRenderer>();
        services.AddSingleton<AuditEventIngestion>();
        services.AddSingleton<ReportGeneration>();
        services.AddSingleton<ReportScheduling>();
        services.AddSingleton<ReportMailing>();
        services.AddSingleton<Alerting>();
        services.AddSingleton<AlertChannels>();
        services.AddSingleton<AlertMonitoring>();
        services.AddSingleton<ReportReviewStore>();
        services.AddSingleton<ReportReviewing>();
        services.AddSingleton<CollectorStates>();
        services.AddSingleton<AuditEventQueue>();
        services.AddSingleton<PrivXCollection>();
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<PoisonStore>();
        services.AddSingleton<MessageFailures>();
        services.AddSingleton<FailedAttempts>();
        services.AddSingleton<PoisonKeeping>();
        return services;
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
        services.AddHostedService(provider => new StorageStartup(provider.GetRequiredService<StorageResources>().CreateAllAsync, provider.GetRequiredService<ILogger<StorageStartup>>()));

    /// <summary>For a host in Azure, where infra/ creates every resource: checks as it starts and names what is missing.</summary>
    public static IServiceCollection CheckStorageAtStartup(this IServiceCollection services) =>
        services.AddHostedService(provider => new StorageStartup(provider.GetRequiredService<StorageResources>().CheckAllAsync, provider.GetRequiredService<ILogger<StorageStartup>>()));
}
