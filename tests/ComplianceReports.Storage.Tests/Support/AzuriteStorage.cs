using ComplianceReports.Storage.Connection;
using ComplianceReports.Testing;

namespace ComplianceReports.Storage.Tests;

/// <summary>
/// A class fixture holding one Azurite account for the test class that uses it, so classes running in
/// parallel never share a table, queue or container. Tests within a class keep apart by month or name.
/// Its resources are created first, as the hosts do at start-up.
/// </summary>
public sealed class AzuriteStorage : IAsyncLifetime
{
    private readonly AzuriteAccount account = AzuriteAccount.Lease();

    public AzuriteStorage() => Clients = new StorageClientFactory(StorageConnection.FromConnectionString(account.ConnectionString));

    public string ConnectionString => account.ConnectionString;

    public StorageClientFactory Clients { get; }

    public Task InitializeAsync() => new StorageResources(Clients).CreateAllAsync(CancellationToken.None);

    public Task DisposeAsync()
    {
        account.Dispose();
        return Task.CompletedTask;
    }
}
