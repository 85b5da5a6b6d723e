using ComplianceReports.Storage.Connection;
using Microsoft.Extensions.Configuration;

namespace ComplianceReports.Cli;

/// <summary>
/// Where the CLI finds storage: <c>--connection</c>, else the <c>AzureWebJobsStorage</c> environment
/// variable (or its identity-based <c>__accountName</c> form), else local.settings.json in the current
/// directory, else Azurite's development storage.
/// </summary>
public static class CliConnection
{
    public static StorageConnection Resolve(string? connectionOption, string currentDirectory)
    {
        var configuration = new ConfigurationBuilder();
        var localSettings = Path.Combine(currentDirectory, LocalSettingsFile.FileName);
        if (File.Exists(localSettings))
        {
            configuration.AddInMemoryCollection(LocalSettingsFile.ReadValues(localSettings));
        }
        configuration.AddEnvironmentVariables();
        if (connectionOption is not null)
        {
            configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>(StorageConnection.DefaultName, connectionOption)]);
        }
        return StorageConnection.FromConfiguration(configuration.Build())
            ?? StorageConnection.FromConnectionString(StorageConnection.DevelopmentStorage);
    }
}
