using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>What "nothing lost, nothing doubled" means after a fault, checked in the store, the receipts, the report and the poison queues.</summary>
internal static class ExactlyOnce
{
    /// <summary>Distinct PrivX items spread over the month, many to a day.</summary>
    public static IReadOnlyList<string> Items(Month month, int count) =>
        Enumerable.Range(0, count)
            .Select(i => PrivXSample.Item(i % 3 == 0 ? 102 : 100, month.StartUtc.AddSeconds(i * (month.EndUtc - month.StartUtc).TotalSeconds / count), $"user{i}"))
            .ToList();

    /// <summary>Waits for every batch's receipt, then holds the outcome to exactly <paramref name="count"/> events.</summary>
    public static async Task AssertStoredOnceAsync(StorageClientFactory storage, Month month, IReadOnlyList<string> batchIds, int count)
    {
        var receipts = new IngestReceipts(storage);
        var final = new List<Domain.Contracts.IngestReceipt>();
        foreach (var batchId in batchIds)
        {
            final.Add(await Eventually.ReturnsAsync($"the receipt of {batchId}", () => receipts.FindAsync(batchId, default), TimeSpan.FromMinutes(3)));
        }
        // A redelivered batch's receipt counts what an earlier attempt stored as duplicates: each event once either way.
        Assert.Equal(count, final.Sum(receipt => receipt.Stored + receipt.Duplicates));
        Assert.Equal(0, final.Sum(receipt => receipt.Quarantined));

        var identities = await new TableEventStore(storage, TimeProvider.System).ReadMonthAsync(month, default).Select(stored => stored.KeyIdentity).ToListAsync();
        Assert.Equal(count, identities.Count);
        Assert.Equal(count, identities.Distinct(StringComparer.Ordinal).Count());

        var report = await new PipelineClient(storage).GenerateAsync(month);
        Assert.Equal(count, report.EventCount);

        Assert.Empty(await new PoisonStore(storage).ListAsync(default));
        foreach (var source in PoisonQueues.Sources)
        {
            Assert.Empty((await storage.CreateQueueClient(QueueNames.Poison(source)).PeekMessagesAsync(1)).Value);
        }
    }
}
