using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using ComplianceReports.Domain.Collection;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Collection;

/// <summary>
/// One row per PrivX instance: the collector's checkpoint and its last run's outcome. The checkpoint is
/// written after each window is on the queue and the outcome at the end of a run, each merged into the
/// row alone, so a run that dies between windows leaves the last good checkpoint and the last outcome.
/// </summary>
public sealed class CollectorStates(StorageClientFactory clients)
{
    public const string TableName = "PrivXCollector";

    private const string Row = "state";
    private const string CheckpointName = "Checkpoint";
    private const string RanAtName = "LastRunAt";
    private const string SucceededName = "LastRunSucceeded";
    private const string EventsName = "LastRunEvents";
    private const string WindowsName = "LastRunWindows";
    private const string CaughtUpName = "LastRunCaughtUp";
    private const string ErrorName = "LastRunError";
    private const string FailingSinceName = "FailingSince";

    private readonly TableClient table = clients.CreateTableClient(TableName);

    public async Task<CollectorState> GetAsync(string instance, CancellationToken cancellationToken)
    {
        try
        {
            return Read((await table.GetEntityAsync<TableEntity>(instance, Row, cancellationToken: cancellationToken)).Value);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return new CollectorState(instance, null, null);
        }
    }

    /// <summary>Every instance's state, by instance name.</summary>
    public async Task<IReadOnlyList<CollectorState>> ListAsync(CancellationToken cancellationToken)
    {
        var states = new List<CollectorState>();
        await foreach (var entity in table.QueryAsync<TableEntity>(entity => entity.RowKey == Row, cancellationToken: cancellationToken))
        {
            states.Add(Read(entity));
        }
        return states;
    }

    public async Task SaveCheckpointAsync(string instance, DateTimeOffset checkpoint, CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(new TableEntity(instance, Row) { [CheckpointName] = checkpoint }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task SaveOutcomeAsync(string instance, CollectorRunOutcome outcome, CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(
            new TableEntity(instance, Row)
            {
                [RanAtName] = outcome.RanAt,
                [SucceededName] = outcome.Succeeded,
                [EventsName] = outcome.Events,
                [WindowsName] = outcome.Windows,
                [CaughtUpName] = outcome.CaughtUp,
                // An empty string, not a missing property: Merge keeps a property it is not given, and a
                // success must clear the last failure's error.
                [ErrorName] = outcome.Error ?? "",
                [FailingSinceName] = outcome.FailingSince?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    private static CollectorState Read(TableEntity entity)
    {
        var outcome = entity.GetDateTimeOffset(RanAtName) is { } ranAt
            ? new CollectorRunOutcome(
                ranAt,
                entity.GetBoolean(SucceededName) ?? false,
                entity.GetInt32(EventsName) ?? 0,
                entity.GetInt32(WindowsName) ?? 0,
                entity.GetBoolean(CaughtUpName) ?? false,
                entity.GetString(ErrorName) is { Length: > 0 } error ? error : null,
                entity.GetString(FailingSinceName) is { Length: > 0 } since ? DateTimeOffset.Parse(since, CultureInfo.InvariantCulture) : null)
            : null;
        return new CollectorState(entity.PartitionKey, entity.GetDateTimeOffset(CheckpointName), outcome);
    }
}
