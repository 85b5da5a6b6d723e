using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.EventSets;

/// <summary>
/// <c>evidence.csv.gz</c>: every event of a version's set, one RFC 4180 row each, in set order, with
/// the day it counts in, its re-derived identity, its facts hash, its facts and its raw item, so the
/// day digests and the version digest can be recomputed from the file alone.
/// </summary>
public static class EvidenceCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "day", "occurredAtUtc", "identity", "factsSha256",
        .. FactsHash.Fields,
        "ingestedAtUtc", "raw",
    ];

    /// <summary>
    /// A writer of a whole file for a caller that produces rows as it goes; dispose it to finish the
    /// file. The file is the header's gzip member, then the rows' member.
    /// </summary>
    public static Writer Open(Stream output)
    {
        WriteHeader(output);
        return OpenChunk(output);
    }

    /// <summary>
    /// The file's first gzip member: the header line alone. Concatenated gzip members are one valid
    /// gzip file, so a version's file is this member and then each day's chunk, copied as sealed.
    /// </summary>
    public static void WriteHeader(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join(',', Columns) + "\r\n"));
    }

    /// <summary>A writer of rows without the header, as one gzip member: a day's chunk of the file.</summary>
    public static Writer OpenChunk(Stream output) => new(output);

    /// <summary>Reads a gzipped evidence file row by row; a file that is not one fails with the row that is wrong.</summary>
    public static IAsyncEnumerable<EvidenceRow> ReadAsync(Stream gzipped, CancellationToken cancellationToken) =>
        ReadRowsAsync(gzipped, header: true, cancellationToken);

    /// <summary>Reads a chunk as <see cref="OpenChunk"/> wrote it: rows without the header.</summary>
    public static IAsyncEnumerable<EvidenceRow> ReadChunkAsync(Stream gzipped, CancellationToken cancellationToken) =>
        ReadRowsAsync(gzipped, header: false, cancellationToken);

    private static async IAsyncEnumerable<EvidenceRow> ReadRowsAsync(Stream gzipped, bool header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
        using var text = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var records = new Rfc4180Reader(text);
        if (header && await Next(records) is var columns && (columns is null || !columns.SequenceEqual(Columns)))
        {
            throw new FormatException($"evidence.csv.gz does not start with the header {string.Join(',', Columns)}");
        }
        var row = header ? 1 : 0;
        while (await Next(records) is { } fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            yield return Parse(fields, row);
        }
    }

    private static async Task<List<string>?> Next(Rfc4180Reader records)
    {
        try
        {
            return await records.ReadAsync();
        }
        catch (Exception error) when (error is InvalidDataException or DecoderFallbackException)
        {
            throw new FormatException($"evidence.csv.gz cannot be read: {error.Message}", error);
        }
    }

    private static EvidenceRow Parse(List<string> fields, int row)
    {
        if (fields.Count != Columns.Count)
        {
            throw new FormatException($"evidence.csv.gz row {row} has {fields.Count} fields, not {Columns.Count}");
        }
        string? Field(string name) => fields[Index(name)] is { Length: > 0 } value ? value : null;
        string Required(string name) => Field(name) ?? throw new FormatException($"evidence.csv.gz row {row} has no {name}");
        T Parsed<T>(string name, Func<string, (bool, T)> parse)
        {
            var (ok, value) = parse(Required(name));
            return ok ? value : throw new FormatException($"evidence.csv.gz row {row}: '{Field(name)}' is not a valid {name}");
        }

        var facts = new EventFacts(
            Required("name"),
            Required("category"),
            Field("outcome") is { } outcome
                ? Enum.TryParse<EventOutcome>(outcome, ignoreCase: true, out var parsedOutcome) ? parsedOutcome
                    : throw new FormatException($"evidence.csv.gz row {row}: '{outcome}' is not an outcome")
                : null,
            Parsed("finding", text => (bool.TryParse(text, out var finding), finding)),
            Field("controls") ?? string.Empty,
            Field("object"),
            Field("details"),
            Field("user"),
            Field("sourceAddress"),
            Field("service"),
            Field("instance"),
            Required("catalogVersion"));
        return new EvidenceRow(
            Parsed("day", text => (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day), day)),
            Parsed("occurredAtUtc", Instant),
            Required("identity"),
            Required("factsSha256"),
            Parsed("code", text => (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code), code)),
            facts,
            Parsed("ingestedAtUtc", Instant),
            Required("raw"));
    }

    private static int Index(string column) => ((IList<string>)Columns).IndexOf(column);

    private static (bool, DateTimeOffset) Instant(string text) =>
        (DateTimeOffset.TryParseExact(text, EvidenceRow.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant),
            instant);

    public sealed class Writer : IAsyncDisposable
    {
        private readonly GZipStream gzip;
        private readonly StreamWriter writer;

        internal Writer(Stream output)
        {
            gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
            writer = new StreamWriter(gzip, new UTF8Encoding(false), bufferSize: 64 * 1024) { NewLine = "\r\n" };
        }

        public Task AddAsync(EvidenceRow row)
        {
            string?[] fields =
            [
                row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EvidenceRow.Utc(row.OccurredAt),
                row.Identity,
                row.FactsSha256,
                .. FactsHash.Values(row.Code, row.Facts),
                EvidenceRow.Utc(row.IngestedAt),
                row.Raw,
            ];
            return writer.WriteLineAsync(string.Join(',', fields.Select(Quote)));
        }

        public async ValueTask DisposeAsync()
        {
            await writer.DisposeAsync();
            await gzip.DisposeAsync();
        }

        private static string Quote(string? field) =>
            field is null ? string.Empty
            : field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field
            : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>RFC 4180 records: fields split by commas, quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private sealed class Rfc4180Reader(TextReader text)
    {
        private readonly char[] buffer = new char[64 * 1024];
        private int position;
        private int length;

        public async Task<List<string>?> ReadAsync()
        {
            if (!await FillAsync())
            {
                return null;
            }
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var fieldStart = true;
            while (await FillAsync())
            {
                var character = buffer[position++];
                if (quoted)
                {
                    if (character != '"')
                    {
                        field.Append(character);
                    }
                    else if (await FillAsync() && buffer[position] == '"')
                    {
                        field.Append('"');
                        position++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (character == '"' && fieldStart)
                {
                    quoted = true;
                    fieldStart = false;
                }
                else if (character == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStart = true;
                }
                else if (character == '\r' && await FillAsync() && buffer[position] == '\n')
                {
                    position++;
                    break;
                }
                else if (character == '\n')
                {
                    break;
                }
                else
                {
                    field.Append(character);
                    fieldStart = false;
                }
            }
            if (quoted)
            {
                throw new InvalidDataException("a quoted field is not closed before the end of the file");
            }
            fields.Add(field.ToString());
            return fields;
        }

        private async ValueTask<bool> FillAsync()
        {
            if (position < length)
            {
                return true;
            }
            length = await text.ReadAsync(buffer.AsMemory());
            position = 0;
            return length > 0;
        }
    }
}
