using ComplianceReports.Storage.Connection;
using ComplianceReports.Testing;

namespace ComplianceReports.Storage.Tests;

/// <summary>
/// A class fixture holding one Azurite account for the test class that uses it, so classes running in
/// parallel never share a table, queue or container. Tests within a class keep apart by month or name.
/// </summary>
public sealed class AzuriteStorage : IDisposable
{
    private readonly AzuriteAccount account = AzuriteAccount.Lease();

    public AzuriteStorage() => Clients = new StorageClientFactory(StorageConnection.FromConnectionString(account.ConnectionString));

    public string ConnectionString => account.ConnectionString;

    public StorageClientFactory Clients { get; }

    public void Dispose() => account.Dispose();
}
