using System.Text;
using System.Text.Json;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Storage.Tests;

public class PackingQueueMessages
{
    private const int QueueMessageLimit = 64 * 1024;

    [Fact]
    public void Every_message_is_a_json_array_within_the_byte_budget()
    {
        var items = Items(2_000, length: 700);

        var messages = MessagePacking.PackArrays(items).ToList();

        Assert.True(messages.Count > 1);
        Assert.All(messages, message =>
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(message), 2, MessagePacking.MaxMessageJsonBytes);
            using var document = JsonDocument.Parse(message);
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
            Assert.True(document.RootElement.GetArrayLength() > 0);
        });
    }

    [Fact]
    public void Every_item_arrives_once_and_in_order()
    {
        var items = Items(2_000, length: 700);

        var unpacked = MessagePacking.PackArrays(items).SelectMany(Unpack).ToList();

        Assert.Equal(items, unpacked);
    }

    [Fact]
    public void Messages_are_filled_rather_than_one_item_each()
    {
        var items = Items(1_000, length: 490);

        var messages = MessagePacking.PackArrays(items).ToList();

        // About 100 items of 490 bytes fit in 48 KiB.
        Assert.InRange(messages.Count, 10, 11);
    }

    [Fact]
    public void A_full_message_stays_within_64_KiB_once_base64_encoded()
    {
        // Items sized so the first message fills its budget to the byte.
        var item = Item(0, MessagePacking.MaxMessageJsonBytes - 2);
        var messages = MessagePacking.PackArrays([item, Item(1, 100)]).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Equal(MessagePacking.MaxMessageJsonBytes, Encoding.UTF8.GetByteCount(messages[0]));
        Assert.All(messages, message => Assert.InRange(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)).Length, 1, QueueMessageLimit));
    }

    [Fact]
    public void Items_are_measured_in_utf8_bytes_not_characters()
    {
        var items = Enumerable.Range(0, 400).Select(i => $"{{\"n\":{i},\"user\":\"{new string('ä', 300)}\"}}").ToList();

        var messages = MessagePacking.PackArrays(items).ToList();

        Assert.All(messages, message => Assert.InRange(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)).Length, 1, QueueMessageLimit));
        Assert.Equal(items, messages.SelectMany(Unpack));
    }

    [Fact]
    public void An_item_too_large_for_any_message_is_refused()
    {
        var tooLarge = Item(0, MessagePacking.MaxMessageJsonBytes - 1);

        var error = Assert.Throws<ArgumentException>(() => MessagePacking.PackArrays([Item(1, 50), tooLarge]).ToList());
        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void No_items_make_no_messages()
    {
        Assert.Empty(MessagePacking.PackArrays([]));
    }

    /// <summary>Compact JSON objects of exactly <paramref name="length"/> UTF-8 bytes each.</summary>
    private static List<string> Items(int count, int length) => Enumerable.Range(0, count).Select(i => Item(i, length)).ToList();

    private static string Item(int index, int length)
    {
        var head = $"{{\"event_id\":\"301\",\"n\":{index},\"pad\":\"";
        return head + new string('x', length - head.Length - 2) + "\"}";
    }

    /// <summary>The items of a message as their compact JSON text.</summary>
    private static IEnumerable<string> Unpack(string message)
    {
        using var document = JsonDocument.Parse(message);
        return document.RootElement.EnumerateArray().Select(item => item.GetRawText()).ToList();
    }
}
