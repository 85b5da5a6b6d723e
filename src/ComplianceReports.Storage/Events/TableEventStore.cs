using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Events;

/// <summary>
/// The append-only event store in Azure Table Storage: the only source of truth. Beside the events it
/// keeps a change marker per month, so later jobs know which months changed without scanning them.
/// </summary>
public sealed class TableEventStore(StorageClientFactory clients, TimeProvider clock)
{
    public const string TableName = "AuditEvents";
    public const string MonthsTableName = "AuditEventMonths";
    public const string RawContainerName = "event-raw";

    private const string MarkerPartition = "month";
    private const string LastStoredAt = nameof(LastStoredAt);

    private readonly TableClient table = clients.CreateTableClient(TableName);
    private readonly TableClient months = clients.CreateTableClient(MonthsTableName);
    private readonly BlobContainerClient rawBlobs = clients.CreateBlobContainerClient(RawContainerName);
    private readonly OnceAsync created = new();
    private readonly OnceAsync createdRawContainer = new();

    /// <summary>Stores each event once; events already stored are counted as duplicates, never rewritten.</summary>
    public async Task<AppendResult> AppendAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);

        var entities = new List<TableEntity>();
        var seen = new HashSet<(string, string)>();
        var duplicates = 0;
        foreach (var auditEvent in events)
        {
            var keys = (EventKeys.PartitionKey(auditEvent.OccurredAt), EventKeys.RowKey(auditEvent));
            if (seen.Add(keys))
            {
                entities.Add(EventEntity.From(auditEvent, await StoreOversizeRawAsync(auditEvent, keys, cancellationToken)));
            }
            else
            {
                duplicates++;
            }
        }

        var stored = 0;
        var changedMonths = new HashSet<Month>();
        foreach (var batch in EntityGroupTransactions.Plan(entities))
        {
            var added = await AddBatchAsync(batch, cancellationToken);
            stored += added;
            duplicates += batch.Count - added;
            if (added > 0)
            {
                changedMonths.Add(Month.Of(batch[0].GetDateTimeOffset(EventEntity.OccurredAt)!.Value));
            }
        }

        // Written after the events, so whoever sees a marker finds the events it announces.
        foreach (var month in changedMonths)
        {
            await months.UpsertEntityAsync(
                new TableEntity(MarkerPartition, month.ToString()) { [LastStoredAt] = clock.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
        }
        return new AppendResult(stored, duplicates);
    }

    /// <summary>When each month last received a new event, for every month that has any.</summary>
    public async Task<IReadOnlyDictionary<Month, DateTimeOffset>> ReadChangeMarkersAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var markers = new Dictionary<Month, DateTimeOffset>();
        await foreach (var marker in months.QueryAsync<TableEntity>(entity => entity.PartitionKey == MarkerPartition, cancellationToken: cancellationToken))
        {
            if (Month.TryParse(marker.RowKey, out var month))
            {
                markers[month] = marker.GetDateTimeOffset(LastStoredAt)!.Value;
            }
        }
        return markers;
    }

    /// <summary>Every event of the UTC month in key order, that is by UTC time, then identity.</summary>
    public IAsyncEnumerable<StoredAuditEvent> ReadMonthAsync(Month month, CancellationToken cancellationToken) =>
        ReadDaysAsync(month.StartUtc, month.EndUtc, cancellationToken);

    /// <summary>
    /// Every event of the UTC days that <c>[fromUtc, toUtc)</c> touches, in key order: whole days, so a
    /// caller selecting exact instants (a month in another time zone) filters what it gets.
    /// </summary>
    public async IAsyncEnumerable<StoredAuditEvent> ReadDaysAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(EventKeys.DayRangeFilter(fromUtc, toUtc), cancellationToken: cancellationToken))
        {
            var raw = entity.GetString(EventEntity.RawBlob) is { } blobName
                ? (await rawBlobs.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToString()
                : entity.GetString(EventEntity.Raw);
            yield return EventEntity.ToStoredEvent(entity, raw);
        }
    }

    /// <summary>Keeps a raw event too long for a table property in blob storage; returns its blob name, or <c>null</c> when it fits inline.</summary>
    private async Task<string?> StoreOversizeRawAsync(AuditEvent auditEvent, (string PartitionKey, string RowKey) keys, CancellationToken cancellationToken)
    {
        if (EventEntity.RawFitsInline(auditEvent))
        {
            return null;
        }
        await createdRawContainer.RunAsync(() => rawBlobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        var name = $"{keys.PartitionKey}/{keys.RowKey}.json";
        // Same keys, same content: a redelivered event rewrites identical bytes.
        await rawBlobs.GetBlobClient(name).UploadAsync(BinaryData.FromString(auditEvent.RawJson), overwrite: true, cancellationToken);
        return name;
    }

    private async Task<int> AddBatchAsync(IReadOnlyList<TableEntity> batch, CancellationToken cancellationToken)
    {
        // Stamped just before the write, so an event stamped before a report's cutoff has landed by the
        // time the report, after its settle time, reads the store.
        var ingestedAt = clock.GetUtcNow();
        foreach (var entity in batch)
        {
            entity[EventEntity.IngestedAt] = ingestedAt;
        }
        try
        {
            await table.SubmitTransactionAsync(batch.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity)), cancellationToken);
            return batch.Count;
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // One stored event fails the whole transaction; add the rest one by one so none of them is lost.
            var added = 0;
            foreach (var entity in batch)
            {
                added += await AddOneAsync(entity, cancellationToken) ? 1 : 0;
            }
            return added;
        }
    }

    private async Task<bool> AddOneAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private Task EnsureTableAsync(CancellationToken cancellationToken) =>
        created.RunAsync(async () =>
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            await months.CreateIfNotExistsAsync(cancellationToken);
        });
}
