using ComplianceReports.Storage.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>In Azure, reports reach storage with an identity of their own (ReportStorage), the host with its own.</summary>
public class RunningReportsUnderTheirOwnIdentity
{
    [Fact]
    public void The_report_side_uses_the_report_storage_identity_when_it_is_set()
    {
        var reports = ReportClients(
            ("AzureWebJobsStorage__accountName", "stcompliance"),
            ("AzureWebJobsStorage__clientId", "ingest-client-id"),
            ("ReportStorage__accountName", "stcompliance"),
            ("ReportStorage__clientId", "reports-client-id"));

        Assert.Equal(("stcompliance.blob.core.windows.net", "reports-client-id"), (reports.Connection.BlobServiceUri?.Host, reports.Connection.ManagedIdentityClientId));
    }

    [Fact]
    public void Without_report_storage_reports_share_the_hosts_connection()
    {
        using var provider = Services(("AzureWebJobsStorage", StorageConnection.DevelopmentStorage));

        Assert.Same(provider.GetRequiredService<StorageClientFactory>(), provider.GetRequiredKeyedService<StorageClientFactory>(PipelineServices.ReportStorageName));
    }

    private static StorageClientFactory ReportClients(params (string Key, string Value)[] settings)
    {
        using var provider = Services(settings);
        return provider.GetRequiredKeyedService<StorageClientFactory>(PipelineServices.ReportStorageName);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddCompliancePipeline(new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create<string, string?>(setting.Key.Replace("__", ":"), setting.Value)))
                .Build())
            .BuildServiceProvider();
}
