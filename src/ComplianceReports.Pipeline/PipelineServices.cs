using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Rendering;
using ComplianceReports.Storage;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Storage.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddSingleton(ReportOptions.FromConfiguration(configuration));
        services.AddSingleton<ReportSigning>();
        services.AddSingleton(new StorageClientFactory(connection));
        services.AddSingleton<StorageResources>();
        services.AddSingleton<TableEventStore>();
        services.AddSingleton<QuarantineStore>();
        services.AddSingleton<IngestReceipts>();
        services.AddSingleton<IngestBlobs>();
        services.AddSingleton<BlobReportStore>();
        services.AddSingleton<SigningCertificateStore>();
        services.AddSingleton<MonthLocks>();
        services.AddSingleton<ReportRequestOutcomes>();
        services.AddSingleton<ReportRequestQueue>();
        services.AddSingleton<ReportPdfRenderer>();
        services.AddSingleton<AuditEventIngestion>();
        services.AddSingleton<ReportGeneration>();
        services.AddSingleton<ReportScheduling>();
        return services;
    }

    /// <summary>For a host on storage nobody provisioned (locally, on Azurite): creates what is missing as it starts.</summary>
    public static IServiceCollection CreateStorageAtStartup(this IServiceCollection services) =>
        services.AddHostedService(provider => new StorageStartup(provider.GetRequiredService<StorageResources>().CreateAllAsync));

    /// <summary>For a host in Azure, where infra/ creates every resource: checks as it starts and names what is missing.</summary>
    public static IServiceCollection CheckStorageAtStartup(this IServiceCollection services) =>
        services.AddHostedService(provider => new StorageStartup(provider.GetRequiredService<StorageResources>().CheckAllAsync));
}
