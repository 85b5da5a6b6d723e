using ComplianceReports.Storage.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>The pipeline's services as a host registers them, for reading settings: no storage is reached.</summary>
public static class SettingsOnly
{
    public static ServiceProvider Services(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddCompliancePipeline(new ConfigurationBuilder()
                .AddInMemoryCollection([KeyValuePair.Create<string, string?>(StorageConnection.DefaultName, StorageConnection.DevelopmentStorage)])
                .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create<string, string?>(setting.Key, setting.Value)))
                .Build())
            .BuildServiceProvider();
}
