using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Events;
using FsCheck.Xunit;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>
/// Whatever arrives, the reader never throws, never passes on an event that is not what was sent, and
/// refuses everything else with a reason: random and mutated PrivX input thrown at it by FsCheck, and
/// the cases a producer is known to get wrong.
/// </summary>
public class ReadingHostileInput
{
    [Property(Arbitrary = [typeof(HostileInput)], MaxTest = 300)]
    public void A_hostile_message_is_read_into_valid_events_and_refusals_with_reasons_and_never_throws(HostileMessage message)
    {
        foreach (var reading in AuditMessageReader.Read(message.Text).Items)
        {
            AssertValidOrRefused(reading);
        }
    }

    [Property(Arbitrary = [typeof(HostileInput)], MaxTest = 150)]
    public async Task A_hostile_export_is_streamed_into_valid_events_and_refusals_with_reasons_and_never_throws(HostileExport export)
    {
        await foreach (var reading in AuditItemStream.ReadAsync(new MemoryStream(export.Bytes), default))
        {
            AssertValidOrRefused(reading);
        }
    }

    [Theory]
    [InlineData("[{0},{1},{2}]")]
    [InlineData("{{\"batchId\":\"b-1\",\"events\":[{0},{1},{2}]}}")]
    [InlineData("{0}\n{1}\n{2}")]
    public void A_deeply_nested_item_is_refused_alone_and_the_rest_of_its_message_is_read(string shape)
    {
        var deep = $$"""{"event_id":"100","created":"2026-10-02T08:14:03Z","x":{{new string('[', 5_000)}}{{new string(']', 5_000)}}}""";

        var items = AuditMessageReader.Read(string.Format(shape, Alice, deep, Bob)).Items;

        Assert.Equal(3, items.Count);
        Assert.IsType<ReadEvent>(items[0]);
        Assert.Contains("nests 5,001 levels deep, over the 64", Assert.IsType<RejectedItem>(items[1]).Reason, StringComparison.Ordinal);
        Assert.IsType<ReadEvent>(items[2]);
    }

    [Fact]
    public async Task A_deeply_nested_item_in_an_export_is_refused_alone()
    {
        var deep = $$"""{"event_id":"100","created":"2026-10-02T08:14:03Z","x":{{new string('{', 1)}}{{string.Concat(Enumerable.Repeat("\"a\":{", 99))}}{{new string('}', 100)}}}""";
        var export = new MemoryStream(Encoding.UTF8.GetBytes($"[{Alice},{deep},{Bob}]"));

        var items = await AuditItemStream.ReadAsync(export, default).ToListAsync();

        Assert.Equal([typeof(ReadEvent), typeof(RejectedItem), typeof(ReadEvent)], items.Select(item => item.GetType()));
        Assert.Contains("over the 64", ((RejectedItem)items[1]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_of_70_KiB_is_named_shortened()
    {
        var name = new string('k', 70_000);

        var refused = Assert.IsType<RejectedItem>(Assert.Single(AuditMessageReader.Read($$"""[{"event_id":"100","created":"2026-10-02T08:14:03Z","{{name}}":1,"{{name}}":2}]""").Items));

        Assert.StartsWith("The property \"kkkk", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("...\" appears twice", refused.Reason, StringComparison.Ordinal);
        Assert.True(refused.Reason.Length < 200, refused.Reason);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", true)]
    [InlineData("9999-12-31T23:59:59.9999999Z", true)]
    [InlineData("0001-01-01T00:00:00+01:00", false)]
    [InlineData("9999-12-31T23:59:59-01:00", false)]
    public void Years_1_and_9999_are_read_while_in_range_and_refused_with_a_reason_past_it(string created, bool read)
    {
        var reading = Assert.Single(AuditMessageReader.Read(Item(created: created)).Items);

        if (read)
        {
            Assert.Equal(DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture).UtcTicks, Assert.IsType<ReadEvent>(reading).Event.OccurredAt.UtcTicks);
        }
        else
        {
            Assert.Contains("\"created\" must be an RFC 3339 time", Assert.IsType<RejectedItem>(reading).Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_event_id_as_a_string_and_as_a_number_is_the_same_code_but_not_the_same_item()
    {
        var asString = Single(Item(eventIdJson: "\"100\""));
        var asNumber = Single(Item(eventIdJson: "100"));

        // Identity is over the item as received: a forwarder that rewrote the code sent other bytes.
        Assert.Equal((100, 100), (asString.Code, asNumber.Code));
        Assert.NotEqual(asString.Identity, asNumber.Identity);
    }

    [Fact]
    public void A_message_of_64_KiB_of_tiny_events_is_read_whole()
    {
        var tiny = Enumerable.Range(0, 3_000).Select(i => $$"""{"event_id":"{{i % 200}}","created":"2026-10-02T08:{{i / 60 % 60:D2}}:{{i % 60:D2}}Z"}""").ToList();
        var body = "[" + string.Join(",", tiny) + "]";
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 60_000, 200_000);

        var items = AuditMessageReader.Read(body).Items;

        Assert.Equal(tiny.Count, items.Count);
        Assert.All(items, item => Assert.IsType<ReadEvent>(item));
    }

    [Fact]
    public async Task A_line_of_50_MB_in_an_export_is_refused_with_its_start_kept_and_the_next_line_is_read()
    {
        var export = new LongLineStream(Encoding.UTF8.GetBytes(Alice + "\n{\"event_id\":\"100\",\"x\":\""), 50_000_000, Encoding.UTF8.GetBytes("\"}\n" + Bob + "\n"));

        var items = await AuditItemStream.ReadAsync(export, default).ToListAsync();

        Assert.Equal(3, items.Count);
        var refused = Assert.IsType<RejectedItem>(items[1]);
        Assert.Equal("line 2", refused.Where);
        Assert.Contains("The line is 50,000,025 bytes, over the 1,048,576", refused.Reason, StringComparison.Ordinal);
        Assert.StartsWith("{\"event_id\":\"100\",\"x\":\"aaaa", refused.OriginalText, StringComparison.Ordinal);
        Assert.True(refused.OriginalText.Length <= 4096);
        Assert.Equal("bob", Assert.IsType<ReadEvent>(items[2]).Event.Facts.User);
    }

    [Fact]
    public async Task A_line_that_is_not_UTF_8_is_refused_rather_than_read_with_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes(Item(user: "ali_e")).ToArray();
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xC3;

        var items = await AuditItemStream.ReadAsync(new MemoryStream([.. bytes, (byte)'\n', .. Encoding.UTF8.GetBytes(Bob)]), default).ToListAsync();

        Assert.Contains("not valid UTF-8", Assert.IsType<RejectedItem>(items[0]).Reason, StringComparison.Ordinal);
        Assert.IsType<ReadEvent>(items[1]);
    }

    [Theory]
    [InlineData("../reports/2026-10/v1/report.pdf")]
    [InlineData("https://elsewhere.blob.core.windows.net/reports/x")]
    [InlineData("/event-raw/x.json")]
    public void A_claim_check_naming_another_container_is_refused(string blob)
    {
        var refused = RefusedWhole($$"""{"batchId":"b-1","blob":{{JsonSerializer.Serialize(blob)}}}""");

        Assert.StartsWith("An envelope's \"blob\" must name a blob in the ingest container", refused.Reason, StringComparison.Ordinal);
    }

    /// <summary>Every event read is exactly the item sent, within the limits; every refusal says why.</summary>
    private static void AssertValidOrRefused(ItemReading reading)
    {
        switch (reading)
        {
            case ReadEvent { Event: var e }:
                Assert.Equal(e.Identity, Events.EventIdentity.OfRaw(e.RawJson));
                Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
                Assert.InRange(e.Code, 0, int.MaxValue);
                Assert.InRange(Encoding.UTF8.GetByteCount(e.RawJson), 2, PrivXEventParser.MaxItemBytes);
                Assert.InRange(JsonNesting.DepthOf(e.RawJson), 1, JsonNesting.MaxItemDepth);
                // Read again from what would be stored, it is the same event.
                var again = Assert.IsType<ReadEvent>(AuditMessageReader.ReadLine(e.RawJson, "again")).Event;
                Assert.Equal((e.Identity, e.OccurredAt, e.Code, e.Facts), (again.Identity, again.OccurredAt, again.Code, again.Facts));
                break;
            case RejectedItem rejected:
                Assert.False(string.IsNullOrWhiteSpace(rejected.Reason));
                Assert.False(string.IsNullOrWhiteSpace(rejected.Where));
                break;
            default:
                Assert.Fail($"Neither read nor refused: {reading}");
                break;
        }
    }

    /// <summary>A prefix, then <c>a</c> many times over without holding it, then a suffix: a 50 MB line in flat memory.</summary>
    private sealed class LongLineStream(byte[] prefix, long repeat, byte[] suffix) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => prefix.Length + repeat + suffix.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && position < Length)
            {
                buffer[offset + written++] = position < prefix.Length ? prefix[position]
                    : position < prefix.Length + repeat ? (byte)'a'
                    : suffix[position - prefix.Length - repeat];
                position++;
            }
            return written;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
