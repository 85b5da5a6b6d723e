using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Events;

/// <summary>The append-only event store in Azure Table Storage: the only source of truth.</summary>
public sealed class TableEventStore(StorageClientFactory clients, TimeProvider clock)
{
    public const string TableName = "AuditEvents";

    private readonly TableClient table = clients.CreateTableClient(TableName);
    private readonly OnceAsync created = new();

    /// <summary>Stores each event once; events already stored are counted as duplicates, never rewritten.</summary>
    public async Task<AppendResult> AppendAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var ingestedAt = clock.GetUtcNow();

        var entities = new List<TableEntity>();
        var seen = new HashSet<(string, string)>();
        var duplicates = 0;
        foreach (var auditEvent in events)
        {
            var entity = EventEntity.From(auditEvent, ingestedAt);
            if (seen.Add((entity.PartitionKey, entity.RowKey)))
            {
                entities.Add(entity);
            }
            else
            {
                duplicates++;
            }
        }

        var stored = 0;
        foreach (var batch in EntityGroupTransactions.Plan(entities))
        {
            var added = await AddBatchAsync(batch, cancellationToken);
            stored += added;
            duplicates += batch.Count - added;
        }
        return new AppendResult(stored, duplicates);
    }

    /// <summary>Every event of the month in key order, that is by UTC time, then identity.</summary>
    public async IAsyncEnumerable<StoredAuditEvent> ReadMonthAsync(Month month, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(EventKeys.MonthFilter(month), cancellationToken: cancellationToken))
        {
            yield return EventEntity.ToStoredEvent(entity);
        }
    }

    private async Task<int> AddBatchAsync(IReadOnlyList<TableEntity> batch, CancellationToken cancellationToken)
    {
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
        created.RunAsync(() => table.CreateIfNotExistsAsync(cancellationToken));
}
