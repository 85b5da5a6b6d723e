using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Storage.Queues;

/// <summary>
/// Packs events into as few queue messages as fit: a queue message holds 64 KiB once base64-encoded,
/// so 48 KiB of UTF-8 JSON. Fewer, fuller messages also keep Azurite's slow deletes in check.
/// </summary>
public static class MessagePacking
{
    /// <summary>The JSON budget of one message, envelope included: base64 turns it into exactly 64 KiB.</summary>
    public const int MaxMessageJsonBytes = 64 * 1024 / 4 * 3;

    /// <summary>
    /// The largest item an envelope carries whatever its batch id: the budget less an envelope around a
    /// batch id of the longest length allowed. A larger item has to travel in an export.
    /// </summary>
    public const int MaxItemJsonBytes = MaxMessageJsonBytes - EmptyEnvelopeBytes - AuditMessageReader.MaxBatchIdLength;

    /// <summary>The bytes of <c>{"batchId":"","events":[]}</c>.</summary>
    private const int EmptyEnvelopeBytes = 26;

    private const string EnvelopeTail = "]}";

    /// <summary>
    /// Packs JSON items into envelopes <c>{"batchId":"...","events":[...]}</c> of at most
    /// <see cref="MaxMessageJsonBytes"/> UTF-8 bytes each, with batch ids <c>{sendId}-00001</c>,
    /// <c>{sendId}-00002</c>, … so that the pipeline writes a receipt for each.
    /// </summary>
    public static IEnumerable<(string BatchId, string Json)> PackEnvelopes(IEnumerable<string> itemsJson, string sendId)
    {
        var number = 1;
        var (batchId, head) = Envelope(sendId, number);
        var message = new StringBuilder(head);
        var messageBytes = Encoding.UTF8.GetByteCount(head) + EnvelopeTail.Length;
        var emptyBytes = messageBytes;
        foreach (var item in itemsJson)
        {
            var itemBytes = Encoding.UTF8.GetByteCount(item);
            if (itemBytes > MaxItemJsonBytes)
            {
                throw new ArgumentException($"An event of {itemBytes:N0} bytes does not fit in one queue message of {MaxMessageJsonBytes:N0} bytes.", nameof(itemsJson));
            }
            var separator = messageBytes > emptyBytes ? 1 : 0;
            if (messageBytes + separator + itemBytes > MaxMessageJsonBytes)
            {
                yield return (batchId, message.Append(EnvelopeTail).ToString());
                (batchId, head) = Envelope(sendId, ++number);
                message.Clear().Append(head);
                messageBytes = emptyBytes = Encoding.UTF8.GetByteCount(head) + EnvelopeTail.Length;
                separator = 0;
            }
            if (separator == 1)
            {
                message.Append(',');
            }
            message.Append(item);
            messageBytes += separator + itemBytes;
        }
        if (messageBytes > emptyBytes)
        {
            yield return (batchId, message.Append(EnvelopeTail).ToString());
        }
    }

    private static (string BatchId, string Head) Envelope(string sendId, int number)
    {
        var batchId = string.Create(CultureInfo.InvariantCulture, $"{sendId}-{number:D5}");
        return (batchId, $"{{\"batchId\":{JsonSerializer.Serialize(batchId)},\"events\":[");
    }
}
