using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Poison;

/// <summary>
/// Poisoned messages, kept durably: a poison queue expires its messages after seven days and the
/// Functions runtime cannot change that, so each one is moved here, one row per message, keyed by its
/// queue and its poison-queue id. Long texts overflow into a container.
/// </summary>
public sealed class PoisonStore(StorageClientFactory clients)
{
    public const string TableName = "PoisonedMessages";
    public const string ContainerName = "poisoned-messages";

    /// <summary>An error is a sentence or a few; a longer one is cut so the row always fits.</summary>
    public const int MaxErrorLength = 4_000;

    private const string TextBlob = nameof(TextBlob);

    private readonly TableClient table = clients.CreateTableClient(TableName);
    private readonly OverflowText texts = new(clients.CreateBlobContainerClient(ContainerName));

    /// <summary>Keeps the message; keeping it again (a keeper that died before taking it off the queue) changes nothing.</summary>
    public async Task KeepAsync(PoisonedMessage message, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(message.Queue, message.Id)
        {
            [nameof(PoisonedMessage.Cause)] = message.Cause,
            [nameof(PoisonedMessage.DequeueCount)] = message.DequeueCount,
            [nameof(PoisonedMessage.LastError)] = Cut(message.LastError),
            [nameof(PoisonedMessage.PoisonedAt)] = message.PoisonedAt,
            [nameof(PoisonedMessage.KeptAt)] = message.KeptAt,
        };
        await texts.StoreAsync(entity, nameof(PoisonedMessage.Text), TextBlob, message.Text, TextBlobName(message), cancellationToken);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Kept already.
        }
    }

    /// <summary>Every message held, oldest poisoned first.</summary>
    public async Task<IReadOnlyList<PoisonedMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var messages = new List<PoisonedMessage>();
        await foreach (var message in ReadAsync(filter: null, cancellationToken))
        {
            messages.Add(message);
        }
        return messages.OrderBy(message => message.PoisonedAt).ThenBy(message => message.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The message held under <paramref name="id"/>, or <c>null</c>.</summary>
    public async Task<PoisonedMessage?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var message in ReadAsync(TableClient.CreateQueryFilter($"RowKey eq {id}"), cancellationToken))
        {
            return message;
        }
        return null;
    }

    /// <summary>Forgets a message, once it is back on its queue.</summary>
    public async Task RemoveAsync(PoisonedMessage message, CancellationToken cancellationToken)
    {
        await table.DeleteEntityAsync(message.Queue, message.Id, ETag.All, cancellationToken);
        await texts.DeleteAsync(TextBlobName(message), cancellationToken);
    }

    /// <summary>How many are held, for which queue, and the oldest one's time, reading keys and times only, never the texts.</summary>
    public async Task<PoisonSummary> SummarizeAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        DateTimeOffset? oldest = null;
        var byQueue = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(
            select: [nameof(TableEntity.PartitionKey), nameof(PoisonedMessage.PoisonedAt)], cancellationToken: cancellationToken))
        {
            var at = entity.GetDateTimeOffset(nameof(PoisonedMessage.PoisonedAt))!.Value;
            count++;
            oldest = oldest is null || at < oldest ? at : oldest;
            byQueue[entity.PartitionKey] = byQueue.GetValueOrDefault(entity.PartitionKey) + 1;
        }
        return new PoisonSummary(count, oldest, byQueue);
    }

    private async IAsyncEnumerable<PoisonedMessage> ReadAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new PoisonedMessage(
                entity.RowKey,
                entity.PartitionKey,
                (await texts.ReadAsync(entity, nameof(PoisonedMessage.Text), TextBlob, cancellationToken))!,
                entity.GetString(nameof(PoisonedMessage.Cause)),
                entity.GetInt64(nameof(PoisonedMessage.DequeueCount)),
                entity.GetString(nameof(PoisonedMessage.LastError)),
                entity.GetDateTimeOffset(nameof(PoisonedMessage.PoisonedAt))!.Value,
                entity.GetDateTimeOffset(nameof(PoisonedMessage.KeptAt))!.Value);
        }
    }

    /// <summary>Where a text too long for its row is kept.</summary>
    private static string TextBlobName(PoisonedMessage message) => $"{message.Queue}/{message.Id}.txt";

    private static string? Cut(string? text) => text is null ? null : TableText.Cut(text, MaxErrorLength);
}
