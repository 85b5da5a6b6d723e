using System.Globalization;
using System.Text;
using ComplianceReports.Domain.Contracts;

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
    public const int MaxItemJsonBytes = MaxMessageJsonBytes - EmptyEnvelopeBytes - IngestEnvelope.MaxBatchIdLength;

    /// <summary>The bytes of <c>{"batchId":"","events":[]}</c>, pinned by a test against the contract.</summary>
    public const int EmptyEnvelopeBytes = 26;

    /// <summary>
    /// Packs JSON items into envelopes <c>{"batchId":"...","events":[...]}</c> of at most
    /// <see cref="MaxMessageJsonBytes"/> UTF-8 bytes each, with batch ids <c>{sendId}-00001</c>,
    /// <c>{sendId}-00002</c>, … so that the pipeline writes a receipt for each.
    /// </summary>
    public static IEnumerable<(string BatchId, string Json)> PackEnvelopes(IEnumerable<string> itemsJson, string sendId)
    {
        var number = 1;
        var batchId = BatchId(sendId, number);
        var items = new List<string>();
        var messageBytes = EmptyEnvelopeBytes + batchId.Length;
        foreach (var item in itemsJson)
        {
            var itemBytes = Encoding.UTF8.GetByteCount(item);
            if (itemBytes > MaxItemJsonBytes)
            {
                throw new ArgumentException($"An event of {itemBytes:N0} bytes does not fit in one queue message of {MaxMessageJsonBytes:N0} bytes.", nameof(itemsJson));
            }
            var separator = items.Count > 0 ? 1 : 0;
            if (messageBytes + separator + itemBytes > MaxMessageJsonBytes)
            {
                yield return (batchId, new IngestEnvelope(batchId, items).ToJson());
                batchId = BatchId(sendId, ++number);
                items = [];
                messageBytes = EmptyEnvelopeBytes + batchId.Length;
                separator = 0;
            }
            items.Add(item);
            messageBytes += separator + itemBytes;
        }
        if (items.Count > 0)
        {
            yield return (batchId, new IngestEnvelope(batchId, items).ToJson());
        }
    }

    /// <summary>Batch ids are ASCII and need no escaping, so each character is one byte of the envelope.</summary>
    private static string BatchId(string sendId, int number) => string.Create(CultureInfo.InvariantCulture, $"{sendId}-{number:D5}");
}
