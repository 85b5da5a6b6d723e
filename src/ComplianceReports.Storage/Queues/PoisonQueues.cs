using System.Net;
using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Queues;

/// <summary>A message taken off a poison queue, decoded if it could be.</summary>
/// <param name="Cause">Set when the text is not what the queue's encoding calls for: then it is the message as it lies.</param>
public sealed record PoisonQueueMessage(string Id, string PopReceipt, string Text, string? Cause, DateTimeOffset PoisonedAt);

/// <summary>
/// The poison queues, read without the client's base64 decoding: a message some producer sent as plain
/// text cannot be decoded, the runtime moves it to the poison queue at once, and it must still be read
/// there, whole, with the reason.
/// </summary>
public sealed class PoisonQueues(StorageClientFactory clients)
{
    public const string NotBase64 = "not base64: set the producer's MessageEncoding to Base64, as the Functions host reads it";

    public const string NotUtf8 = "base64 of bytes that are not UTF-8 text: the producer must send JSON text";

    /// <summary>The queues whose poison queues are drained.</summary>
    public static readonly IReadOnlyList<string> Sources =
        [QueueNames.AuditEvents, QueueNames.ReportRequests, QueueNames.ReportMail, QueueNames.ReportReviews, QueueNames.CollectRequests];

    /// <summary>Long enough to keep a batch of messages; one not deleted in time comes back and is kept again, idempotently.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Up to 32 messages of <paramref name="source"/>'s poison queue, hidden for a while from other readers.</summary>
    public async Task<IReadOnlyList<PoisonQueueMessage>> ReceiveAsync(string source, CancellationToken cancellationToken)
    {
        QueueMessage[] received;
        try
        {
            received = (await Raw(source).ReceiveMessagesAsync(maxMessages: 32, Hold, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return [];
        }
        return received.Select(message => Decode(message)).ToList();
    }

    public async Task DeleteAsync(string source, PoisonQueueMessage message, CancellationToken cancellationToken) =>
        await Raw(source).DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken);

    /// <summary>Puts a message back on its own queue, encoded as the host reads it, never to expire.</summary>
    public async Task SendBackAsync(string source, string text, CancellationToken cancellationToken) =>
        await clients.CreateQueueClient(source).SendMessageAsync(text, visibilityTimeout: null, QueueNames.NeverExpires, cancellationToken);

    private QueueClient Raw(string source) => clients.CreateUndecodedQueueClient(QueueNames.Poison(source));

    private static PoisonQueueMessage Decode(QueueMessage message)
    {
        var body = message.Body.ToString();
        var poisonedAt = message.InsertedOn ?? DateTimeOffset.UtcNow;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            return new PoisonQueueMessage(message.MessageId, message.PopReceipt, body, NotBase64, poisonedAt);
        }
        try
        {
            return new PoisonQueueMessage(message.MessageId, message.PopReceipt, StrictUtf8.GetString(bytes), null, poisonedAt);
        }
        catch (DecoderFallbackException)
        {
            return new PoisonQueueMessage(message.MessageId, message.PopReceipt, body, NotUtf8, poisonedAt);
        }
    }
}
