using Azure.Core;
using ComplianceReports.Storage;
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
    /// <summary>
    /// The storage clients of one command: few, quick retries, so a wrong or unreachable account fails
    /// in seconds rather than after the SDK's minutes of backing off; a connection string that cannot
    /// be a storage connection string fails before anything is sent.
    /// </summary>
    public static StorageClientFactory CreateClients(string? connectionOption, string currentDirectory)
    {
        var clients = new StorageClientFactory(Resolve(connectionOption, currentDirectory), options =>
        {
            options.Retry.Mode = RetryMode.Exponential;
            options.Retry.MaxRetries = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(400);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        });
        try
        {
            // The SDK parses the connection string here, without a request.
            clients.CreateBlobServiceClient();
            clients.CreateQueueServiceClient();
            clients.CreateTableServiceClient();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message may quote the string, key and all: say what is wrong without it.
            throw new CliException(
                "the storage connection string is malformed: give UseDevelopmentStorage=true, or DefaultEndpointsProtocol, AccountName, AccountKey (base64) "
                + "and the Blob, Queue and Table endpoints, separated by ';'");
        }
        return clients;
    }

    /// <summary>Creates what a producer writes to: the CLI may send before the pipeline ever ran.</summary>
    public static Task CreateProducerResourcesAsync(StorageClientFactory clients, CancellationToken cancellationToken) =>
        new StorageResources(clients).CreateAsync(StorageResources.ProducerWrites, cancellationToken);

    /// <summary>
    /// Reading commands need what the pipeline creates when it starts; without it they say so plainly
    /// instead of failing on the first missing table or container.
    /// </summary>
    public static async Task<StorageClientFactory> RequirePipelineResourcesAsync(StorageClientFactory clients, CancellationToken cancellationToken)
    {
        var missing = await new StorageResources(clients).FindMissingAsync(StorageResources.All, cancellationToken);
        return missing.Count == 0
            ? clients
            : throw new CliException(
                $"the pipeline has not run on this storage account yet (no {string.Join(", ", missing)}): start it (scripts/run-local.sh) or deploy infra/");
    }

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
