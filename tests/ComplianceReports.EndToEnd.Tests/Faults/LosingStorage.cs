using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>Storage goes away: before the host starts, and in the middle of ingesting thousands of events.</summary>
public sealed class LosingStorage
{
    private const int EventCount = 10_000;

    [Fact]
    public async Task A_host_started_before_storage_restarts_itself_through_an_outage_mid_ingestion_stops_cleanly_and_stores_every_event_exactly_once()
    {
        await using var azurite = new OwnAzurite();
        await using var host = await HostProcess.StartAsync(azurite.ConnectionString, FastRetries);

        // Started with nothing to talk to, the host says so and waits.
        await host.WaitForOutputAsync("Starting: cannot reach storage at 127.0.0.1:", TimeSpan.FromSeconds(60));
        await azurite.StartAsync();
        await host.WaitForOutputAsync("Compliance functions host started", TimeSpan.FromMinutes(2));

        var storage = new StorageClientFactory(StorageConnection.FromConnectionString(azurite.ConnectionString));
        var month = new Month(2009, 4);
        var items = ExactlyOnce.Items(month, EventCount);
        var sendId = AuditEventQueue.NewSendId();
        var batchIds = await new AuditEventQueue(storage).SendBatchesAsync(items, sendId, null, default);
        Assert.True(batchIds.Count > 50, $"{batchIds.Count} messages: too few for an outage to fall in the middle");

        // Some batches in, most still queued: storage goes away, long enough for attempts to fail on it.
        var receipts = new IngestReceipts(storage);
        await Eventually.ReturnsAsync("a first batch taken in", async () => await receipts.FindAsync(batchIds[0], default) ?? await receipts.FindAsync(batchIds[1], default));
        await azurite.StopAsync();
        await host.WaitForOutputAsync("Could not note a failed attempt", TimeSpan.FromMinutes(2));

        // Its listeners fail on storage gone: the host stops, cannot release its timers' locks (those leases
        // expire by themselves), is disposed without a crash and starts again, waiting for storage.
        const string restarting = "Compliance functions host restarting after a listener failed";
        await host.WaitForOutputAsync(restarting, TimeSpan.FromMinutes(3));
        await host.WaitForOutputAsync("Starting: cannot reach storage", TimeSpan.FromMinutes(1), after: restarting);

        // Stopped by its operator while it waits, it exits cleanly; started again once storage is back.
        Assert.Equal(0, await host.StopAsync(TimeSpan.FromMinutes(1)));
        Assert.DoesNotContain(host.Output, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
        await azurite.StartAsync();
        host.Start();
        await host.WaitForOutputAsync("Compliance functions host started", TimeSpan.FromMinutes(2));

        // A message whose attempt failed while storage was away, and whose listener could not then set it
        // visible again, stays hidden for the listener's ten minutes before it comes back: the batches
        // without a receipt yet are sent again, as that redelivery would, so the test need not wait.
        var queue = storage.CreateQueueClient(QueueNames.AuditEvents);
        foreach (var (batchId, json) in MessagePacking.PackEnvelopes(items, sendId))
        {
            if (await receipts.FindAsync(batchId, default) is null)
            {
                await queue.SendMessageAsync(json);
            }
        }

        await ExactlyOnce.AssertStoredOnceAsync(storage, month, batchIds, EventCount);
        Assert.False(host.HasExited, host.Tail());
    }

    /// <summary>Retries a second apart, so a message that failed in the outage comes back at once: host.json's 30 s would only make the test slow.</summary>
    internal static IReadOnlyDictionary<string, string> FastRetries { get; } = new Dictionary<string, string>
    {
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01",
        ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
    };
}
