using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using ComplianceReports.Domain.Alerts;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;

namespace ComplianceReports.Storage.Alerts;

/// <summary>
/// What alerting remembers, in table <c>Alerts</c>, by partition: <c>cause</c>, every cause ever signalled
/// (so each is alerted once); <c>pending</c>, the signals not yet alerted; <c>sent</c>, the alerts sent, by
/// time (for the hourly cap); <c>seen</c>, when each PrivX service and the source (<c>*</c>) were last
/// heard from; <c>state</c>, counters such as the poison queues' last depths.
/// </summary>
public sealed class AlertStore(StorageClientFactory clients)
{
    public const string TableName = "Alerts";

    private const string Causes = "cause";
    private const string Pending = "pending";
    private const string Sent = "sent";
    private const string Seen = "seen";
    private const string State = "state";
    private const string Source = "*";

    private readonly TableClient table = clients.CreateTableClient(TableName);

    /// <summary>
    /// Records each signal whose cause was never signalled; returns those it recorded. The pending rows go
    /// first and the causes after, so a failure in between leaves the signals to be raised again, and two
    /// raisers of one cause meet on the same pending row. A message's findings cost three requests however
    /// many there are: one query for their causes, one transaction for the pending rows, one for the causes.
    /// </summary>
    public async Task<IReadOnlyList<AlertSignal>> RaiseAsync(IReadOnlyList<AlertSignal> signals, DateTimeOffset raisedAt, CancellationToken cancellationToken)
    {
        var byCause = new Dictionary<string, AlertSignal>(StringComparer.Ordinal);
        foreach (var signal in signals)
        {
            byCause.TryAdd(TableKeys.Escape(signal.Cause), signal);
        }
        foreach (var known in await KnownCausesAsync(byCause.Keys, cancellationToken))
        {
            byCause.Remove(known);
        }
        foreach (var batch in byCause.Chunk(EntityGroupTransactions.MaxEntities))
        {
            await table.SubmitTransactionAsync(batch.Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Pending, entry.Key)
            {
                [nameof(AlertSignal.Kind)] = entry.Value.Kind.ToString(),
                [nameof(AlertSignal.Subject)] = entry.Value.Subject,
                [nameof(AlertSignal.Count)] = entry.Value.Count,
                [nameof(AlertSignal.At)] = entry.Value.At,
                [nameof(AlertSignal.Detail)] = entry.Value.Detail,
                [nameof(PendingSignal.RaisedAt)] = raisedAt,
            })), cancellationToken);
        }
        foreach (var batch in byCause.Keys.Chunk(EntityGroupTransactions.MaxEntities))
        {
            await AddCausesAsync(batch, raisedAt, cancellationToken);
        }
        return [.. byCause.Values];
    }

    /// <summary>Which of the causes were signalled before: a query per as many as a filter may compare beside the partition.</summary>
    private async Task<List<string>> KnownCausesAsync(IEnumerable<string> causes, CancellationToken cancellationToken)
    {
        var known = new List<string>();
        foreach (var group in causes.Chunk(TableFilters.MaxComparisons - 1))
        {
            var filter = TableFilters.AnyInPartition(Causes, group.Select(cause => TableClient.CreateQueryFilter($"RowKey eq {cause}")));
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [nameof(TableEntity.RowKey)], cancellationToken: cancellationToken))
            {
                known.Add(entity.RowKey);
            }
        }
        return known;
    }

    private async Task AddCausesAsync(string[] causes, DateTimeOffset raisedAt, CancellationToken cancellationToken)
    {
        TableEntity Cause(string cause) => new(Causes, cause) { [nameof(PendingSignal.RaisedAt)] = raisedAt };
        try
        {
            await table.SubmitTransactionAsync(causes.Select(cause => new TableTransactionAction(TableTransactionActionType.Add, Cause(cause))), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Some were raised at the same moment by another instance, whose pending rows are the ones
            // written here: add the rest one by one.
            foreach (var cause in causes)
            {
                try
                {
                    await table.AddEntityAsync(Cause(cause), cancellationToken);
                }
                catch (RequestFailedException conflict) when (conflict.Status == (int)HttpStatusCode.Conflict)
                {
                }
            }
        }
    }

    public async Task<IReadOnlyList<PendingSignal>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<PendingSignal>();
        await foreach (var entity in table.QueryAsync<TableEntity>(entity => entity.PartitionKey == Pending, cancellationToken: cancellationToken))
        {
            pending.Add(new PendingSignal(
                new AlertSignal(
                    Enum.Parse<AlertKind>(entity.GetString(nameof(AlertSignal.Kind))),
                    TableKeys.Unescape(entity.RowKey),
                    entity.GetString(nameof(AlertSignal.Subject)),
                    entity.GetInt64(nameof(AlertSignal.Count)) ?? 1,
                    entity.GetDateTimeOffset(nameof(AlertSignal.At))!.Value,
                    entity.GetString(nameof(AlertSignal.Detail))),
                entity.GetDateTimeOffset(nameof(PendingSignal.RaisedAt))!.Value));
        }
        return pending;
    }

    /// <summary>Records an alert as sent and takes its signals off the pending list; the causes stay, so none is alerted again.</summary>
    public async Task RecordSentAsync(Alert alert, IEnumerable<PendingSignal> signals, CancellationToken cancellationToken)
    {
        await table.AddEntityAsync(new TableEntity(Sent, SentKey(alert.RaisedAt) + Guid.NewGuid().ToString("N"))
        {
            [nameof(Alert.Kind)] = alert.Kind.ToString(),
            [nameof(Alert.Count)] = alert.Count,
            [nameof(Alert.Title)] = alert.Title,
        }, cancellationToken);
        foreach (var signal in signals)
        {
            await table.DeleteEntityAsync(Pending, TableKeys.Escape(signal.Signal.Cause), ETag.All, cancellationToken);
        }
    }

    public async Task<int> CountSentSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Sent} and RowKey ge {SentKey(since)}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: [nameof(TableEntity.RowKey)], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    /// <summary>Notes that the source, and each of the services named, were heard from now.</summary>
    public async Task RecordSeenAsync(IEnumerable<string> services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One partition: a message's services are recorded in one transaction, not a request each, on ingestion's path.
        foreach (var names in services.Distinct(StringComparer.Ordinal).Select(TableKeys.Escape).Append(Source).Chunk(EntityGroupTransactions.MaxEntities))
        {
            await table.SubmitTransactionAsync(
                names.Select(name => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Seen, name) { [nameof(Seen)] = now })),
                cancellationToken);
        }
    }

    /// <summary>When the source last sent anything (<c>null</c> if never), and each service.</summary>
    public async Task<(DateTimeOffset? Source, IReadOnlyDictionary<string, DateTimeOffset> Services)> ReadSeenAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? source = null;
        var services = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(entity => entity.PartitionKey == Seen, cancellationToken: cancellationToken))
        {
            var at = entity.GetDateTimeOffset(nameof(Seen))!.Value;
            if (entity.RowKey == Source)
            {
                source = at;
            }
            else
            {
                services[TableKeys.Unescape(entity.RowKey)] = at;
            }
        }
        return (source, services);
    }

    public async Task<long?> ReadCounterAsync(string name, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(State, TableKeys.Escape(name), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetInt64(nameof(State)) : null;
    }

    public Task WriteCounterAsync(string name, long value, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(State, TableKeys.Escape(name)) { [nameof(State)] = value }, TableUpdateMode.Replace, cancellationToken);

    private static string SentKey(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
