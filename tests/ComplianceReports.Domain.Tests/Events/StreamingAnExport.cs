using System.Text;
using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class StreamingAnExport
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>A blob download as the pipeline sees it: forward only, and handing out a few bytes per read.</summary>
    private sealed class ForwardOnlyStream(byte[] content, int mostPerRead = int.MaxValue) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException("The export cannot tell its length.");

        public override long Position
        {
            get => throw new NotSupportedException("The export cannot tell its position.");
            set => throw new NotSupportedException("The export cannot seek.");
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, mostPerRead), content.Length - position);
            content.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The export cannot seek.");
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
    }

    private static async Task<List<ItemReading>> ReadAllAsync(byte[] export, int mostPerRead = int.MaxValue)
    {
        var readings = new List<ItemReading>();
        await foreach (var reading in AuditItemStream.ReadAsync(new ForwardOnlyStream(export, mostPerRead), CancellationToken.None))
        {
            readings.Add(reading);
        }
        return readings;
    }

    private static Task<List<ItemReading>> ReadAllAsync(string export, int mostPerRead = int.MaxValue) =>
        ReadAllAsync(Encoding.UTF8.GetBytes(export), mostPerRead);

    private static string UserItem(int i) =>
        $$$"""{"event_id":"100","created":"2026-10-{{{1 + i % 28:00}}}T08:14:03Z","message":{"username":"user{{{i}}}","remoteAddress":"10.0.{{{i / 256 % 256}}}.{{{i % 256}}}"}}""";

    [Fact]
    public async Task Ndjson_is_read_line_by_line_from_a_stream_that_cannot_seek()
    {
        var readings = await ReadAllAsync($"{Alice}\n\n{Bob}\n");

        Assert.Equal(["line 1", "line 3"], readings.Select(r => r.Where));
        Assert.Equal([Alice, Bob], readings.Select(r => Assert.IsType<ReadEvent>(r).Event.RawJson));
    }

    [Fact]
    public async Task Ndjson_with_crlf_line_ends_is_read()
    {
        var readings = await ReadAllAsync($"{Alice}\r\n{Bob}\r\n");

        Assert.Equal([301, 302], readings.Select(r => Assert.IsType<ReadEvent>(r).Event.Code));
    }

    [Fact]
    public async Task A_json_array_is_read_item_by_item_from_a_stream_that_cannot_seek()
    {
        var readings = await ReadAllAsync($"\n  [\n{Alice},\n{Bob}\n]\n");

        Assert.Equal(["item 1", "item 2"], readings.Select(r => r.Where));
        Assert.Equal([Alice, Bob], readings.Select(r => Assert.IsType<ReadEvent>(r).Event.RawJson));
    }

    [Fact]
    public async Task An_array_handed_out_a_few_bytes_at_a_time_is_read_the_same()
    {
        var export = $"[{Alice}, 42, {Bob}, {UserItem(7)}]";

        var whole = await ReadAllAsync(export);
        var trickled = await ReadAllAsync(export, mostPerRead: 3);

        Assert.Equal(4, trickled.Count);
        Assert.Equal(whole, trickled);
    }

    [Fact]
    public async Task An_ndjson_export_with_a_byte_order_mark_is_read()
    {
        var readings = await ReadAllAsync([.. Bom, .. Encoding.UTF8.GetBytes($"{Alice}\n{Bob}\n")]);

        Assert.Equal([301, 302], readings.Select(r => Assert.IsType<ReadEvent>(r).Event.Code));
        Assert.Equal(Alice, ((ReadEvent)readings[0]).Event.RawJson);
    }

    [Fact]
    public async Task An_array_export_with_a_byte_order_mark_is_read()
    {
        var readings = await ReadAllAsync([.. Bom, .. Encoding.UTF8.GetBytes($" [{Alice},{Bob}]")]);

        Assert.Equal([301, 302], readings.Select(r => Assert.IsType<ReadEvent>(r).Event.Code));
    }

    [Fact]
    public async Task A_bad_item_in_an_array_export_is_refused_alone()
    {
        var readings = await ReadAllAsync($"[{Alice},{{\"event_id\":\"301\"}},{Bob}]");

        Assert.Equal(3, readings.Count);
        var rejected = Assert.IsType<RejectedItem>(readings[1]);
        Assert.Equal("item 2", rejected.Where);
        Assert.Contains("neither \"created\" nor \"message.timestamp\"", rejected.Reason);
        Assert.Equal("{\"event_id\":\"301\"}", rejected.OriginalText);
        Assert.IsType<ReadEvent>(readings[2]);
    }

    [Fact]
    public async Task A_bad_line_in_an_ndjson_export_is_refused_alone()
    {
        var readings = await ReadAllAsync($"{Alice}\n{{\"event_id\":\n{Bob}\n");

        var rejected = Assert.IsType<RejectedItem>(readings[1]);
        Assert.Equal("line 2", rejected.Where);
        Assert.StartsWith("The line is not JSON", rejected.Reason);
        Assert.Equal("{\"event_id\":", rejected.OriginalText);
        Assert.Equal(302, Assert.IsType<ReadEvent>(readings[2]).Event.Code);
    }

    [Fact]
    public async Task After_a_syntax_error_in_an_array_the_items_before_it_are_read_and_the_rest_refused_once()
    {
        var readings = await ReadAllAsync($"[{Alice},\n{Bob},\n{{\"event_id\": oops}},\n{Alice}]");

        Assert.Equal(3, readings.Count);
        Assert.Equal([301, 302], readings.Take(2).Select(r => Assert.IsType<ReadEvent>(r).Event.Code));
        var rest = Assert.IsType<RejectedItem>(readings[2]);
        Assert.Equal("item 3 onwards", rest.Where);
        Assert.StartsWith("The export is not valid JSON from here on", rest.Reason);
        Assert.Contains("LineNumber: 2", rest.Reason);
    }

    [Fact]
    public async Task After_a_syntax_error_far_into_a_large_array_every_item_before_it_is_read()
    {
        const int count = 3000;
        var export = "[" + string.Join(",\n", Enumerable.Range(0, count).Select(UserItem)) + ",\n{\"event_id\" \"100\"}]";

        var readings = await ReadAllAsync(export, mostPerRead: 4096);

        Assert.Equal(count + 1, readings.Count);
        Assert.Equal(count, readings.OfType<ReadEvent>().Count());
        Assert.Equal("user2999", ((ReadEvent)readings[count - 1]).Event.Facts.User);
        Assert.Equal($"item {count + 1} onwards", Assert.IsType<RejectedItem>(readings[count]).Where);
    }

    [Fact]
    public async Task An_array_that_is_never_closed_is_read_up_to_its_end_and_then_refused()
    {
        var readings = await ReadAllAsync($"[{Alice},{Bob},");

        Assert.Equal(2, readings.OfType<ReadEvent>().Count());
        Assert.Equal("item 3 onwards", Assert.IsType<RejectedItem>(readings[2]).Where);
    }

    [Fact]
    public async Task Text_after_the_closing_bracket_is_refused_after_the_items_are_read()
    {
        var readings = await ReadAllAsync($"[{Alice}]\n[{Bob}]");

        Assert.Equal(2, readings.Count);
        Assert.IsType<ReadEvent>(readings[0]);
        Assert.Equal("item 2 onwards", Assert.IsType<RejectedItem>(readings[1]).Where);
    }

    [Fact]
    public async Task An_empty_export_or_an_empty_array_yields_nothing()
    {
        Assert.Empty(await ReadAllAsync(""));
        Assert.Empty(await ReadAllAsync(" [ ] \n"));
    }

    [Fact]
    public async Task An_item_larger_than_the_read_buffer_is_read_whole()
    {
        var padded = $$"""{"event_id":"301","created":"2026-10-02T08:14:03Z","padding":"{{new string('p', 300_000)}}"}""";

        var readings = await ReadAllAsync($"[{Alice},{padded},{Bob}]", mostPerRead: 10_000);

        Assert.Equal(3, readings.Count);
        Assert.Equal(padded, Assert.IsType<ReadEvent>(readings[1]).Event.RawJson);
    }

    [Fact]
    public async Task An_item_over_one_mebibyte_in_an_array_export_is_refused_and_the_next_item_read()
    {
        var huge = $$"""{"event_id":"301","created":"2026-10-02T08:14:03Z","padding":"{{new string('p', 1024 * 1024)}}"}""";

        var readings = await ReadAllAsync($"[{huge},{Bob}]");

        var rejected = Assert.IsType<RejectedItem>(readings[0]);
        Assert.Contains("over the 1,048,576", rejected.Reason);
        Assert.Equal(huge, rejected.OriginalText);
        Assert.IsType<ReadEvent>(readings[1]);
    }

    [Fact]
    public async Task A_large_ndjson_export_is_read_completely_and_in_order()
    {
        const int count = 20_000;
        var export = string.Join("\n", Enumerable.Range(0, count).Select(UserItem)) + "\n";

        var readings = await ReadAllAsync(export, mostPerRead: 8192);

        Assert.Equal(count, readings.Count);
        var events = readings.Select(r => Assert.IsType<ReadEvent>(r).Event).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"user{i}"), events.Select(e => e.Facts.User));
        Assert.Equal(count, events.Select(e => e.Identity).Distinct().Count());
        Assert.Equal($"line {count}", readings[^1].Where);
    }

    [Fact]
    public async Task A_large_array_export_is_read_completely_and_in_order()
    {
        const int count = 20_000;
        var export = "[\n" + string.Join(",\n", Enumerable.Range(0, count).Select(UserItem)) + "\n]\n";

        var readings = await ReadAllAsync(export, mostPerRead: 8192);

        Assert.Equal(count, readings.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"user{i}"), readings.Select(r => Assert.IsType<ReadEvent>(r).Event.Facts.User));
        Assert.Equal($"item {count}", readings[^1].Where);
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var export = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 100).Select(UserItem)));
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in AuditItemStream.ReadAsync(new ForwardOnlyStream(export, 64), cancellation.Token))
            {
                if (++read == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(3, read);
    }
}
