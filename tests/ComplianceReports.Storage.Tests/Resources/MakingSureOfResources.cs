using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;

namespace ComplianceReports.Storage.Tests;

/// <summary>On an account of its own: these tests delete what every other fixture needs.</summary>
public sealed class MakingSureOfResources : IDisposable
{
    private readonly AzuriteAccount account = AzuriteAccount.Lease();
    private readonly StorageClientFactory clients;
    private readonly StorageResources resources;

    public MakingSureOfResources()
    {
        clients = new StorageClientFactory(StorageConnection.FromConnectionString(account.ConnectionString));
        resources = new StorageResources(clients);
    }

    [Fact]
    public async Task Resources_created_at_start_up_pass_the_check_and_a_missing_one_is_named()
    {
        await resources.CreateAllAsync(CancellationToken.None);
        await resources.CheckAllAsync(CancellationToken.None);
        Assert.Empty(await resources.FindMissingAsync(StorageResources.All, CancellationToken.None));

        await clients.CreateTableClient(TableEventStore.MonthsTableName).DeleteAsync();
        await clients.CreateQueueClient(QueueNames.ReportRequests).DeleteAsync();
        await clients.CreateBlobContainerClient(TableEventStore.RawContainerName).DeleteAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => resources.CheckAllAsync(CancellationToken.None));
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("queue report-requests, table AuditEventMonths, container event-raw", error.Message);
        Assert.Contains(account.Name, error.Message);

        await resources.CreateAllAsync(CancellationToken.None);
        await resources.CheckAllAsync(CancellationToken.None);
    }

    [Fact]
    public void Every_resource_is_named_once()
    {
        Assert.Equal(StorageResources.All.Count, StorageResources.All.Distinct().Count());
        Assert.Subset(StorageResources.All.ToHashSet(), StorageResources.ProducerWrites.ToHashSet());
    }

    public void Dispose() => account.Dispose();
}
