using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>The host process is killed outright in the middle of a batch and started again.</summary>
public sealed class KillingTheHost
{
    // Enough that the host, writing three thousand-event chunks at once, is still at it when the kill comes.
    private const int EventCount = 20_000;

    [Fact]
    public async Task A_host_killed_mid_batch_and_started_again_takes_the_message_in_with_nothing_doubled()
    {
        using var account = AzuriteAccount.Lease();
        var storage = new StorageClientFactory(StorageConnection.FromConnectionString(account.ConnectionString));
        await using var host = await HostProcess.StartAsync(account.ConnectionString, LosingStorage.FastRetries);
        await host.WaitForOutputAsync("Compliance functions host started", TimeSpan.FromMinutes(2));

        // One export, taken in a thousand events at a time: killed after the first thousand, the rest not yet written.
        var month = new Month(2009, 7);
        var sendId = AuditEventQueue.NewSendId();
        var batchId = await new AuditEventQueue(storage).SendExportAsync(ExactlyOnce.Items(month, EventCount), sendId, default);
        var store = new TableEventStore(storage, TimeProvider.System);
        await Eventually.ReturnsAsync("the batch partly stored", async () => await store.ReadMonthAsync(month, default).AnyAsync() ? (object)true : null);
        await host.KillAsync();
        var storedWhenKilled = await store.ReadMonthAsync(month, default).CountAsync();
        Assert.InRange(storedWhenKilled, 1, EventCount - 1);

        // The message the dead host held is invisible for the listener's ten minutes, then delivered again:
        // the same envelope sent anew stands in for that redelivery, which a test cannot wait for.
        host.Start();
        await host.WaitForOutputAsync("Compliance functions host started", TimeSpan.FromMinutes(2));
        await storage.CreateQueueClient(QueueNames.AuditEvents).SendMessageAsync(new IngestEnvelope(batchId, Blob: $"{sendId}.ndjson").ToJson());

        await ExactlyOnce.AssertStoredOnceAsync(storage, month, [batchId], EventCount);
    }
}
