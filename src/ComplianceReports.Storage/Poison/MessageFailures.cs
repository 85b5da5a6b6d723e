using System.Net;
using Azure;
using Azure.Data.Tables;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Poison;

/// <summary>The last failed attempt at a message: its error and dequeue count.</summary>
public sealed record MessageFailure(string Error, long DequeueCount, DateTimeOffset FailedAt);

/// <summary>
/// The last error of each message that failed, keyed by its queue and the SHA-256 of its text: the host
/// copies a poisoned message to the poison queue under a new id, with neither, so this is how its
/// record learns why it got there.
/// </summary>
public sealed class MessageFailures(StorageClientFactory clients)
{
    public const string TableName = "MessageFailures";

    private readonly TableClient table = clients.CreateTableClient(TableName);

    public async Task RecordAsync(string queue, string text, MessageFailure failure, CancellationToken cancellationToken)
    {
        var error = TableText.Cut(failure.Error, PoisonStore.MaxErrorLength);
        await table.UpsertEntityAsync(
            new TableEntity(queue, Key(text))
            {
                [nameof(MessageFailure.Error)] = error,
                [nameof(MessageFailure.DequeueCount)] = failure.DequeueCount,
                [nameof(MessageFailure.FailedAt)] = failure.FailedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<MessageFailure?> FindAsync(string queue, string text, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(queue, Key(text), cancellationToken: cancellationToken);
        return found.HasValue
            ? new MessageFailure(
                found.Value!.GetString(nameof(MessageFailure.Error)),
                found.Value.GetInt64(nameof(MessageFailure.DequeueCount))!.Value,
                found.Value.GetDateTimeOffset(nameof(MessageFailure.FailedAt))!.Value)
            : null;
    }

    /// <summary>Forgets the failure of a message that has since succeeded or been kept as poisoned.</summary>
    public async Task ForgetAsync(string queue, string text, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(queue, Key(text), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Nothing recorded.
        }
    }

    private static string Key(string text) => TableText.Sha256Key(text);
}
