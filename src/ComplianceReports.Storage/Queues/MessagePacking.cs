using System.Text;

namespace ComplianceReports.Storage.Queues;

/// <summary>
/// Packs events into as few queue messages as fit: a queue message holds 64 KiB once base64-encoded,
/// so about 48 KiB of UTF-8 JSON. Fewer, fuller messages also keep Azurite's slow deletes in check.
/// </summary>
public static class MessagePacking
{
    /// <summary>The JSON budget of one message: 3/4 of 64 KiB, less room for the array's brackets.</summary>
    public const int MaxMessageJsonBytes = 64 * 1024 / 4 * 3 - 2;

    /// <summary>Packs JSON items into JSON arrays of at most <paramref name="maxBytes"/> UTF-8 bytes each.</summary>
    public static IEnumerable<string> PackArrays(IEnumerable<string> itemsJson, int maxBytes = MaxMessageJsonBytes)
    {
        var message = new StringBuilder("[");
        var messageBytes = 2;
        foreach (var item in itemsJson)
        {
            var itemBytes = Encoding.UTF8.GetByteCount(item);
            if (itemBytes + 2 > maxBytes)
            {
                throw new ArgumentException($"An event of {itemBytes:N0} bytes does not fit in one queue message of {maxBytes:N0} bytes.", nameof(itemsJson));
            }
            var separator = message.Length > 1 ? 1 : 0;
            if (messageBytes + separator + itemBytes > maxBytes)
            {
                yield return message.Append(']').ToString();
                message.Clear().Append('[');
                messageBytes = 2;
                separator = 0;
            }
            if (separator == 1)
            {
                message.Append(',');
            }
            message.Append(item);
            messageBytes += separator + itemBytes;
        }
        if (message.Length > 1)
        {
            yield return message.Append(']').ToString();
        }
    }
}
