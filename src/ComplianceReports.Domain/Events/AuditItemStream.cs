using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ComplianceReports.Domain.Events;

/// <summary>
/// Streams the items of an export too big for a message, NDJSON or a JSON array, one at a time, so an
/// export of any size is read in flat memory.
/// </summary>
public static class AuditItemStream
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async IAsyncEnumerable<ItemReading> ReadAsync(Stream utf8, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, whole) = await PeekFirstSignificantByteAsync(utf8, cancellationToken);
        if (first == '[')
        {
            await foreach (var item in ReadArrayAsync(whole, cancellationToken))
            {
                yield return item;
            }
            yield break;
        }

        await foreach (var item in ReadLinesAsync(whole, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>
    /// NDJSON a line at a time, never holding more of a line than an item may have: a longer line is
    /// refused with its start kept, and read past without being held whole.
    /// </summary>
    private static async IAsyncEnumerable<ItemReading> ReadLinesAsync(Stream utf8, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var line = new LineBuffer();
        var number = 0;
        int read;
        while ((read = await utf8.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var rest = buffer.AsMemory(0, read);
            int end;
            while ((end = rest.Span.IndexOf((byte)'\n')) >= 0)
            {
                line.Append(rest.Span[..end]);
                number++;
                if (line.Take($"line {number}") is { } reading)
                {
                    yield return reading;
                }
                rest = rest[(end + 1)..];
            }
            line.Append(rest.Span);
        }
        if (line.Take($"line {number + 1}") is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The line being read: its bytes up to the cap, and how long it really is.</summary>
    private sealed class LineBuffer
    {
        /// <summary>What a refused overlong line keeps of its start, to say what it was.</summary>
        private const int KeptPrefixBytes = 4 * 1024;

        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly MemoryStream bytes = new();
        private long length;

        public void Append(ReadOnlySpan<byte> part)
        {
            length += part.Length;
            var room = (int)Math.Max(0, PrivXEventParser.MaxItemBytes - bytes.Length);
            bytes.Write(part[..Math.Min(room, part.Length)]);
        }

        /// <summary>The line as an item or a refusal, or <c>null</c> if it is blank; either way the buffer starts over.</summary>
        public ItemReading? Take(string where)
        {
            var data = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
            var trimmed = data.EndsWith("\r"u8) ? data[..^1] : data;
            var overlong = length > PrivXEventParser.MaxItemBytes;
            ItemReading? reading = null;
            if (overlong)
            {
                var kept = Encoding.UTF8.GetString(trimmed[..Math.Min(KeptPrefixBytes, trimmed.Length)]);
                reading = new RejectedItem(where, $"The line is {length:N0} bytes, over the {PrivXEventParser.MaxItemBytes:N0} an audit event may have; its first {KeptPrefixBytes:N0} bytes are kept.", kept);
            }
            else if (trimmed.ContainsAnyExcept(" \t\r"u8))
            {
                reading = Decode(trimmed, where);
            }
            bytes.SetLength(0);
            length = 0;
            return reading;
        }

        private static ItemReading Decode(ReadOnlySpan<byte> line, string where)
        {
            try
            {
                return AuditMessageReader.ReadLine(StrictUtf8.GetString(line), where);
            }
            catch (DecoderFallbackException e)
            {
                // Replacing the bad bytes would store an event the producer never sent.
                return new RejectedItem(where, $"The line is not valid UTF-8: {e.Message}", Encoding.UTF8.GetString(line));
            }
        }
    }

    /// <remarks>
    /// Read element by element rather than with <c>JsonSerializer.DeserializeAsyncEnumerable</c>, which drops
    /// the items it had already parsed from a buffer when that buffer also holds a syntax error.
    /// </remarks>
    private static async IAsyncEnumerable<ItemReading> ReadArrayAsync(Stream utf8, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var array = new ArrayScan();
        var buffer = new byte[64 * 1024];
        var count = 0;
        while (!array.Ended)
        {
            if (count == buffer.Length)
            {
                if (buffer.Length > PrivXEventParser.MaxItemBytes)
                {
                    // An item longer than any event may be: past it, the array cannot be told apart without holding it.
                    yield return new RejectedItem($"item {array.Items + 1} onwards", $"The item is over the {PrivXEventParser.MaxItemBytes:N0} bytes an audit event may have; the rest of the export is not read.", string.Empty);
                    yield break;
                }
                // One item fills the buffer: give it room, up to twice the item limit.
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = await utf8.ReadAsync(buffer.AsMemory(count), cancellationToken);
            count += read;

            var readings = new List<ItemReading>();
            var consumed = array.Scan(buffer.AsSpan(0, count), final: read == 0, readings);
            foreach (var reading in readings)
            {
                yield return reading;
            }
            buffer.AsSpan(consumed, count - consumed).CopyTo(buffer);
            count -= consumed;
        }
    }

    /// <summary>Where a scan of an array export stands between two buffers.</summary>
    private sealed class ArrayScan
    {
        private JsonReaderState state = new(JsonNesting.ReaderOptions);
        public int Items { get; private set; }

        public bool Ended { get; private set; }

        /// <summary>Reads every whole item in <paramref name="data"/>; returns the bytes consumed, the rest waits for more data.</summary>
        public int Scan(ReadOnlySpan<byte> data, bool final, List<ItemReading> readings)
        {
            var reader = new Utf8JsonReader(data, final, state);
            var consumed = 0;
            try
            {
                while (reader.Read())
                {
                    if (reader.CurrentDepth == 1)
                    {
                        var start = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            break;
                        }
                        var bytes = data[start..(int)reader.BytesConsumed];
                        Items++;
                        if (!Utf8.IsValid(bytes))
                        {
                            // The JSON reader passes bad bytes inside strings; replacing them would store an event nobody sent.
                            readings.Add(new RejectedItem($"item {Items}", "The item is not valid UTF-8.", Encoding.UTF8.GetString(bytes)));
                        }
                        else
                        {
                            using var item = JsonDocument.Parse(bytes.ToArray(), JsonNesting.DocumentOptions);
                            readings.Add(AuditMessageReader.ReadItem(item.RootElement, $"item {Items}"));
                        }
                    }
                    consumed = (int)reader.BytesConsumed;
                    state = reader.CurrentState;
                }
                Ended = final;
            }
            catch (JsonException e)
            {
                // Past a syntax error nothing can be told apart; the export itself stays where it is.
                readings.Add(new RejectedItem($"item {Items + 1} onwards", $"The export is not valid JSON from here on: {e.Message}", string.Empty));
                Ended = true;
            }
            return consumed;
        }
    }

    /// <summary>The first byte that is not white space or a byte-order mark, and a stream that still starts at the beginning.</summary>
    private static async Task<(int First, Stream Whole)> PeekFirstSignificantByteAsync(Stream stream, CancellationToken cancellationToken)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        int found;
        do
        {
            found = await stream.ReadAsync(one, cancellationToken) == 0 ? -1 : one[0];
            if (found >= 0)
            {
                seen.Add(one[0]);
            }
        }
        while (found is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        // The JSON reader refuses a byte-order mark, and neither reader needs one: UTF-8 is all they read.
        var prefix = seen.ToArray();
        return (found, new PrefixedStream(prefix.AsSpan().StartsWith(Utf8Bom) ? prefix[Utf8Bom.Length..] : prefix, stream));
    }

    /// <summary>Bytes already read, then the rest of the stream: a peek for streams that cannot seek.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - position);
                prefix.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }
            return rest.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            position < prefix.Length ? ValueTask.FromResult(Read(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
