using System.Globalization;
using System.Net;
using Azure;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Ingestion;

/// <summary>
/// Refused input, one row per item of a message: keys come from the message id and the item's
/// position, never from the clock, so a redelivered message (on any later day) finds the rows of its
/// first attempt and quarantines nothing twice. Each row keeps when it was first refused.
/// </summary>
public sealed class QuarantineStore(StorageClientFactory clients)
{
    public const string TableName = "Quarantine";
    public const string ContainerName = "quarantine";

    /// <summary>Reasons name what is wrong in a sentence; a longer one is cut so the row always fits.</summary>
    public const int MaxReasonLength = 2_000;

    private const string OriginalBlob = nameof(OriginalBlob);

    private readonly TableClient table = clients.CreateTableClient(TableName);
    private readonly OverflowText originals = new(clients.CreateBlobContainerClient(ContainerName));

    public async Task AddAsync(IReadOnlyCollection<QuarantinedItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            var (partition, row) = Keys(item.MessageId, item.Position);
            var entity = new TableEntity(partition, row)
            {
                [nameof(QuarantinedItem.MessageId)] = item.MessageId,
                [nameof(QuarantinedItem.Position)] = item.Position,
                [nameof(QuarantinedItem.BatchId)] = item.BatchId,
                [nameof(QuarantinedItem.Where)] = item.Where,
                [nameof(QuarantinedItem.Reason)] = TableText.Cut(item.Reason, MaxReasonLength),
                [nameof(QuarantinedItem.QuarantinedAt)] = item.QuarantinedAt,
            };
            await originals.StoreAsync(entity, nameof(QuarantinedItem.OriginalText), OriginalBlob, item.OriginalText, $"{partition}/{row}.txt", cancellationToken);
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
            {
                // Quarantined by an earlier attempt at this message, which keeps its time.
            }
        }
    }

    /// <summary>Everything first refused on the UTC days from <paramref name="fromDay"/> up to, not including, <paramref name="toDay"/>.</summary>
    public async IAsyncEnumerable<QuarantinedItem> ReadAsync(DateOnly fromDay, DateOnly toDay, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"QuarantinedAt ge {StartOf(fromDay)} and QuarantinedAt lt {StartOf(toDay)}");
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
        var until = cutoff < toUtc ? cutoff.AddTicks(1) : toUtc;
        var filter = TableClient.CreateQueryFilter($"QuarantinedAt ge {fromUtc} and QuarantinedAt lt {until}");
        long count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: [nameof(QuarantinedItem.QuarantinedAt)], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    /// <summary>How many items were refused on each UTC day that has any; reads their times only, never the items.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> CountPerDayAsync(CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<DateOnly, long>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: [nameof(QuarantinedItem.QuarantinedAt)], cancellationToken: cancellationToken))
        {
            var day = DateOnly.FromDateTime(entity.GetDateTimeOffset(nameof(QuarantinedItem.QuarantinedAt))!.Value.UtcDateTime);
            counts[day] = counts.GetValueOrDefault(day) + 1;
        }
        return counts;
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The item's identity: its message (hashed, as an id may hold characters a key cannot) and its
    /// position there. One message's items share a partition.
    /// </summary>
    private static (string Partition, string Row) Keys(string messageId, int position) =>
        (TableText.Sha256Key(messageId), position.ToString("D7", CultureInfo.InvariantCulture));
}
