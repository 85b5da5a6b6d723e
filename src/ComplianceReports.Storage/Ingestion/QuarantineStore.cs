using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Ingestion;

/// <summary>
/// Refused input by the UTC day it was refused on. Keys come from the message id and the item's
/// position, so a redelivered message quarantines the same rows again rather than new ones.
/// </summary>
public sealed class QuarantineStore(StorageClientFactory clients)
{
    public const string TableName = "Quarantine";
    public const string ContainerName = "quarantine";

    private const string OriginalBlob = nameof(OriginalBlob);

    private const string DayKeyFormat = "yyyy-MM-dd";

    private readonly TableClient table = clients.CreateTableClient(TableName);
    private readonly OverflowText originals = new(clients.CreateBlobContainerClient(ContainerName));

    public async Task AddAsync(IReadOnlyCollection<QuarantinedItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }
        foreach (var item in items)
        {
            var partition = DayKey(DateOnly.FromDateTime(item.QuarantinedAt.UtcDateTime));
            var row = string.Create(CultureInfo.InvariantCulture, $"{item.MessageId}_{item.Position:D7}");
            var entity = new TableEntity(partition, row)
            {
                [nameof(QuarantinedItem.MessageId)] = item.MessageId,
                [nameof(QuarantinedItem.Position)] = item.Position,
                [nameof(QuarantinedItem.BatchId)] = item.BatchId,
                [nameof(QuarantinedItem.Where)] = item.Where,
                [nameof(QuarantinedItem.Reason)] = item.Reason,
                [nameof(QuarantinedItem.QuarantinedAt)] = item.QuarantinedAt,
            };
            await originals.StoreAsync(entity, nameof(QuarantinedItem.OriginalText), OriginalBlob, item.OriginalText, $"{partition}/{row}.txt", cancellationToken);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Everything quarantined on the UTC days from <paramref name="fromDay"/> up to, not including, <paramref name="toDay"/>.</summary>
    public async IAsyncEnumerable<QuarantinedItem> ReadAsync(DateOnly fromDay, DateOnly toDay, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {DayKey(fromDay)} and PartitionKey lt {DayKey(toDay)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var original = (await originals.ReadAsync(entity, nameof(QuarantinedItem.OriginalText), OriginalBlob, cancellationToken))!;
            yield return new QuarantinedItem(
                entity.GetString(nameof(QuarantinedItem.MessageId)),
                entity.GetInt32(nameof(QuarantinedItem.Position))!.Value,
                entity.GetString(nameof(QuarantinedItem.BatchId)),
                entity.GetString(nameof(QuarantinedItem.Where)),
                entity.GetString(nameof(QuarantinedItem.Reason)),
                original,
                entity.GetDateTimeOffset(nameof(QuarantinedItem.QuarantinedAt))!.Value);
        }
    }

    /// <summary>How many items were refused in <c>[fromUtc, toUtc)</c>, up to and including <paramref name="cutoff"/>.</summary>
    public async Task<long> CountAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {DayKey(DateOnly.FromDateTime(fromUtc.UtcDateTime))} and PartitionKey le {DayKey(DateOnly.FromDateTime(toUtc.UtcDateTime))}");
        long count = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [nameof(QuarantinedItem.QuarantinedAt)], cancellationToken: cancellationToken))
        {
            var at = entity.GetDateTimeOffset(nameof(QuarantinedItem.QuarantinedAt))!.Value;
            count += at >= fromUtc && at < toUtc && at <= cutoff ? 1 : 0;
        }
        return count;
    }

    /// <summary>How many items were refused on each UTC day that has any; reads keys only, never the items.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> CountPerDayAsync(CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<DateOnly, long>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            var day = DateOnly.ParseExact(entity.PartitionKey, DayKeyFormat, CultureInfo.InvariantCulture);
            counts[day] = counts.GetValueOrDefault(day) + 1;
        }
        return counts;
    }

    private static string DayKey(DateOnly day) => day.ToString(DayKeyFormat, CultureInfo.InvariantCulture);
}
