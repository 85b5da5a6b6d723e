using System.Text;

namespace ComplianceReports.Cli.Tests.Sending;

/// <summary>What send holds of its input: every item, byte for byte, in a file rather than in memory.</summary>
public sealed class SpoolingItems
{
    [Fact]
    public async Task Items_come_back_byte_for_byte_in_order_pretty_printed_and_non_ascii_ones_too()
    {
        string[] items =
        [
            """{"event_id":"100","created":"2026-10-01T08:00:00Z"}""",
            "{\n  \"event_id\": \"102\",\r\n  \"message\": { \"username\": \"jörg\" }\n}",
            """{"event_id":"1701","note":"line\nbreak escaped, \"quoted\", 日本"}""",
        ];
        await using var spool = ItemSpool.Of(items);

        Assert.Equal(items, spool.Items());
        Assert.Equal(items, spool.Items());
        Assert.Equal(3, spool.Count);
        Assert.Equal(items.Sum(item => (long)Encoding.UTF8.GetByteCount(item)), spool.Bytes);
        Assert.Equal(items.Max(item => Encoding.UTF8.GetByteCount(item)), spool.MaxItemBytes);
    }

    [Fact]
    public async Task An_empty_spool_has_no_items()
    {
        await using var spool = new ItemSpool();

        Assert.Empty(spool.Items());
        Assert.Equal((0, 0L, 0), (spool.Count, spool.Bytes, spool.MaxItemBytes));
    }
}
