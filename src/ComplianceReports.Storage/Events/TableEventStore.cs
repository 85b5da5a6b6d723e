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
/// keeps a change marker per UTC month, per UTC day and per UTC hour (<see cref="ChangeMarker"/>), so
/// later jobs know which months, days and hours may have changed without scanning them.
/// </summary>
public sealed class TableEventStore(StorageClientFactory clients, TimeProvider clock)
{
    public const string TableName = "AuditEvents";
    public const string MonthsTableName = "AuditEventMonths";
    public const string RawContainerName = "event-raw";

    // Month markers (yyyy-MM), day markers (yyyy-MM-dd) and hour markers (yyyy-MM-ddTHH) share a
    // partition, so one range query reads a period's markers and one transaction touches a message's.
    private const string MarkerPartition = "month";
    // A filter compares the partition once and each range twice.
    private const int MaxRangesPerMarkerQuery = (TableFilters.MaxComparisons - 1) / 2;
    private const int MonthKeyLength = 7;
    private const string Sequence = nameof(Sequence);
    // The column keeps its name for tools that read it; it now holds when the month was last touched.
    private const string LastStoredAt = nameof(LastStoredAt);

    /// <summary>
    /// Transactions in flight at once: a message spans many day partitions, each of which takes writes on
    /// its own, while a small host's connections and the account's limits stay respected.
    /// </summary>
    private const int MaxTransactionsInFlight = 8;

    private readonly TableClient table = clients.CreateTableClient(TableName);
    private readonly TableClient months = clients.CreateTableClient(MonthsTableName);
    private readonly OverflowText raw = new(clients.CreateBlobContainerClient(RawContainerName));

    // An export's chunks append side by side and all touch their month's marker: taken in turn, they
    // never refuse each other's touch and read again.
    private readonly SemaphoreSlim touching = new(1, 1);

    /// <summary>
    /// Stores each event once; events already stored are counted as duplicates, never rewritten. Every
    /// UTC month and day the events fall in is marked before and after the transactions, new or duplicate: a
    /// message redelivered after a partly committed attempt may add nothing, yet its first attempt may
    /// have stored events no report has read.
    /// </summary>
    public async Task<AppendResult> AppendAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        var entities = new List<TableEntity>();
        var seen = new HashSet<(string, string)>();
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var auditEvent in events)
        {
            var keys = (EventKeys.PartitionKey(auditEvent.OccurredAt), EventKeys.RowKey(auditEvent));
            touched.Add(keys.Item1);
            touched.Add(MarkerKeys.Hour(auditEvent.OccurredAt));
            touched.Add(Month.Of(auditEvent.OccurredAt).ToString());
            if (seen.Add(keys))
            {
                var entity = EventEntity.From(auditEvent);
                await raw.StoreAsync(entity, EventEntity.Raw, EventEntity.RawBlob, auditEvent.RawJson, $"{keys.Item1}/{keys.Item2}.json", cancellationToken);
                entities.Add(entity);
            }
            else
            {
                duplicates++;
            }
        }

        // Before: a generator that reads the markers after this touch and the events before they land
        // still sees the touch after, with a higher sequence, and asks again.
        await TouchAsync(touched, cancellationToken);
        var stored = 0;
        await Parallel.ForEachAsync(
            EntityGroupTransactions.Plan(entities),
            new ParallelOptions { MaxDegreeOfParallelism = MaxTransactionsInFlight, CancellationToken = cancellationToken },
            async (batch, token) => Interlocked.Add(ref stored, await AddBatchAsync(batch, token)));
        duplicates += entities.Count - stored;
        // After: whoever reads this sequence finds every event of the message in the store.
        await TouchAsync(touched, cancellationToken);
        return new AppendResult(stored, duplicates);
    }

    /// <summary>
    /// The change marker of every month that has any. A month's key sorts before its days' and hours'
    /// (<c>2025-01</c> &lt; <c>2025-01-01</c> &lt; <c>2025-01-01T00</c> &lt; <c>2025-02</c>), so each month's
    /// marker is the first row from its key on, and the next month's the first from <c>2025-01.</c> on
    /// ('.' follows '-'): one single-row query per month, where reading the partition would bring every
    /// day and hour of every month ever stored (8,760 hours a year) to the timers that ask this.
    /// </summary>
    public async Task<IReadOnlyDictionary<Month, ChangeMarker>> ReadChangeMarkersAsync(CancellationToken cancellationToken)
    {
        var markers = new Dictionary<Month, ChangeMarker>();
        var from = string.Empty;
        while (await FirstMarkerFromAsync(from, cancellationToken) is { } marker)
        {
            if (Month.TryParse(marker.RowKey, out var month))
            {
                markers[month] = ToChangeMarker(marker);
            }
            // A day or hour without its month's marker (none is written so) still moves on past its month.
            from = marker.RowKey.Length >= MonthKeyLength ? marker.RowKey[..MonthKeyLength] + "." : marker.RowKey + " ";
        }
        return markers;
    }

    private async Task<TableEntity?> FirstMarkerFromAsync(string from, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MarkerPartition} and RowKey ge {from}");
        // The service may answer a page with no row and a continuation: the first row of any page is the one.
        await foreach (var marker in months.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return marker;
        }
        return null;
    }

    /// <summary>
    /// The change markers of a period's UTC months and of every UTC day and hour it touches, in one
    /// query: what a generator reads before the events, to tell later which hours may have changed since.
    /// </summary>
    public async Task<PeriodMarkers> ReadChangeMarkersAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var months = new Dictionary<Month, ChangeMarker>();
        var days = new Dictionary<string, ChangeMarker>(StringComparer.Ordinal);
        var hours = new Dictionary<string, ChangeMarker>(StringComparer.Ordinal);
        var (first, last) = (Month.Of(period.StartUtc).ToString(), MarkerKeys.Hour(period.EndUtc.AddTicks(-1)));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MarkerPartition} and RowKey ge {first} and RowKey le {last}");
        await foreach (var marker in this.months.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (Month.TryParse(marker.RowKey, out var month))
            {
                if (period.UtcMonths.Contains(month))
                {
                    months[month] = ToChangeMarker(marker);
                }
            }
            else if (string.CompareOrdinal(marker.RowKey, EventKeys.PartitionKey(period.StartUtc)) >= 0)
            {
                (MarkerKeys.IsHour(marker.RowKey) ? hours : days)[marker.RowKey] = ToChangeMarker(marker);
            }
        }
        return new PeriodMarkers(months, days, hours);
    }

    private async Task TouchAsync(IReadOnlyCollection<string> touched, CancellationToken cancellationToken)
    {
        await touching.WaitAsync(cancellationToken);
        try
        {
            foreach (var keys in touched.Chunk(EntityGroupTransactions.MaxEntities))
            {
                await TouchAsync(keys, cancellationToken);
            }
        }
        finally
        {
            touching.Release();
        }
    }

    /// <summary>
    /// Read, then write in one transaction conditionally on what was read (ETag, or "absent" for a first
    /// touch); a refusal means another writer touched a marker in between, so read again: every retry
    /// follows someone else's success, and no touch is lost or counted over another.
    /// </summary>
    private async Task TouchAsync(string[] keys, CancellationToken cancellationToken)
    {
        var filter = MarkersFilter(keys);
        while (true)
        {
            var now = clock.GetUtcNow();
            var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var entity in months.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                existing[entity.RowKey] = entity;
            }
            var actions = keys.Select(key =>
            {
                if (existing.TryGetValue(key, out var entity))
                {
                    var marker = ToChangeMarker(entity);
                    entity[Sequence] = marker.Sequence + 1;
                    entity[LastStoredAt] = marker.LastTouchedAt > now ? marker.LastTouchedAt : now;
                    return new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag);
                }
                return new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(MarkerPartition, key) { [Sequence] = 1L, [LastStoredAt] = now });
            }).ToList();
            try
            {
                await months.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Touched by another writer since the read.
            }
        }
    }

    /// <summary>
    /// The query for the markers of <paramref name="keys"/> (in ordinal order). A month's key sorts before
    /// its days' and hours' (<c>2025-01</c> &lt; <c>2025-01-05</c> &lt; <c>2025-01-05T10</c> &lt; <c>2025-02</c>),
    /// so one range from the first key to the last would read every marker between a message's month
    /// and its hour; a range per UTC day and one per month key reads those touched and few others.
    /// </summary>
    private static string MarkersFilter(string[] keys)
    {
        var ranges = keys.GroupBy(key => key.Length > 10 ? key[..10] : key, StringComparer.Ordinal).Select(group => (First: group.First(), Last: group.Last())).ToList();
        if (ranges.Count > MaxRangesPerMarkerQuery)
        {
            ranges = [(keys[0], keys[^1])];
        }
        return TableFilters.AnyInPartition(MarkerPartition, ranges.Select(range => TableClient.CreateQueryFilter($"RowKey ge {range.First} and RowKey le {range.Last}")));
    }

    /// <summary>A marker written before sequences existed counts as sequence 0: its first touch makes it 1.</summary>
    private static ChangeMarker ToChangeMarker(TableEntity entity) =>
        new(entity.GetInt64(Sequence) ?? 0, entity.GetDateTimeOffset(LastStoredAt)!.Value);

    /// <summary>Every event of the UTC month in key order, that is by UTC time, then identity.</summary>
    public IAsyncEnumerable<StoredAuditEvent> ReadMonthAsync(Month month, CancellationToken cancellationToken) =>
        ReadDaysAsync(month.StartUtc, month.EndUtc, cancellationToken);

    /// <summary>
    /// Every event of the UTC days that <c>[fromUtc, toUtc)</c> touches, in key order: whole days, so a
    /// caller selecting exact instants (a month in another time zone) filters what it gets.
    /// </summary>
    public IAsyncEnumerable<StoredAuditEvent> ReadDaysAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        ReadAsync(EventKeys.DayRangeFilter(fromUtc, toUtc), cancellationToken);

    /// <summary>Every event of <c>[fromUtc, toUtc)</c> exactly, in key order: a day of the report's zone, whatever its UTC days.</summary>
    public IAsyncEnumerable<StoredAuditEvent> ReadRangeAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        ReadAsync(EventKeys.RangeFilter(fromUtc, toUtc), cancellationToken);

    private async IAsyncEnumerable<StoredAuditEvent> ReadAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return EventEntity.ToStoredEvent(entity, (await raw.ReadAsync(entity, EventEntity.Raw, EventEntity.RawBlob, cancellationToken))!);
        }
    }

    /// <summary>Adds a transaction's events that are not stored yet; returns how many it added.</summary>
    private async Task<int> AddBatchAsync(IReadOnlyList<TableEntity> batch, CancellationToken cancellationToken)
    {
        // Information for a reader of the evidence: membership of a report never depends on this clock.
        var ingestedAt = clock.GetUtcNow();
        foreach (var entity in batch)
        {
            entity[EventEntity.IngestedAt] = ingestedAt;
        }
        var pending = batch;
        while (pending.Count > 0)
        {
            try
            {
                await table.SubmitTransactionAsync(pending.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity)), cancellationToken);
                return pending.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
            {
                // One stored event fails the whole transaction. Redeliveries and overlapping exports make
                // that common, so learn in one range query which are stored and send the rest again; a
                // writer that adds one meanwhile only costs another round.
                var stored = await StoredRowKeysAsync(pending, cancellationToken);
                var rest = pending.Where(entity => !stored.Contains(entity.RowKey)).ToList();
                if (rest.Count == pending.Count)
                {
                    throw new InvalidOperationException($"A transaction of {pending.Count} events in {pending[0].PartitionKey} conflicted, yet none of its rows is stored.", e);
                }
                pending = rest;
            }
        }
        return 0;
    }

    /// <summary>Which of a transaction's row keys the store holds: one query over the range they span, keys only.</summary>
    private async Task<HashSet<string>> StoredRowKeysAsync(IReadOnlyList<TableEntity> batch, CancellationToken cancellationToken)
    {
        var partition = batch[0].PartitionKey;
        var wanted = batch.Select(entity => entity.RowKey).ToHashSet(StringComparer.Ordinal);
        var (first, last) = (wanted.Min(StringComparer.Ordinal)!, wanted.Max(StringComparer.Ordinal)!);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey le {last}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [nameof(TableEntity.RowKey)], cancellationToken: cancellationToken))
        {
            if (wanted.Contains(entity.RowKey))
            {
                stored.Add(entity.RowKey);
            }
        }
        return stored;
    }
}
