using System.IO.Compression;
using System.Text;
using ComplianceReports.Domain.EventSets;
using static ComplianceReports.Domain.Tests.GoldenMonth;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>evidence.csv.gz: the golden month's set, one RFC 4180 row an event, read back with a reader of its own.</summary>
public class WritingTheEvidenceFile
{
    private static readonly string[] Header =
    [
        "day", "occurredAtUtc", "identity", "factsSha256", "code", "name", "category", "outcome", "finding", "controls", "object", "details",
        "user", "sourceAddress", "service", "instance", "catalogVersion", "ingestedAtUtc", "raw",
    ];

    private static int Column(string name) => Array.IndexOf(Header, name);

    private static async Task<List<string[]>> ReadAsync()
    {
        using var gzip = new GZipStream(new MemoryStream(await Sets.EvidenceFileAsync(Rows)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return Rfc4180.Parse(await reader.ReadToEndAsync());
    }

    private static string[] RowOf(List<string[]> rows, string label) => rows.Single(row => row[Column("identity")] == Get(label).Event.Identity);

    [Fact]
    public async Task The_file_has_the_header_and_one_row_per_event_of_the_set_in_digest_order()
    {
        var rows = await ReadAsync();

        Assert.Equal(Header, rows[0]);
        Assert.Equal(Header, EvidenceCsv.Columns);
        Assert.Equal(1 + 51, rows.Count);
        Assert.All(rows, row => Assert.Equal(19, row.Length));
        Assert.Equal(InSet.Select(stored => stored.UtcText), rows.Skip(1).Select(row => row[Column("occurredAtUtc")]));
        Assert.Equal(InSet.Select(stored => stored.Event.Identity), rows.Skip(1).Select(row => row[Column("identity")]));
    }

    [Fact]
    public async Task The_digests_recomputed_from_the_day_time_identity_and_facts_hash_columns_are_the_aggregates()
    {
        var rows = (await ReadAsync()).Skip(1).ToList();

        var days = Enumerable.Range(1, 31).Select(number =>
        {
            var date = $"2026-10-{number:D2}";
            var lines = rows.Where(row => row[Column("day")] == date)
                .Select(row => $"{row[Column("occurredAtUtc")]}\t{row[Column("identity")]}\t{row[Column("factsSha256")]}\n").ToList();
            return $"{date}\t{lines.Count}\t{Sha256Hex(string.Concat(lines))}\n";
        });

        Assert.Equal(Aggregate.EventDigest, Sha256Hex(string.Concat(days)));
    }

    [Fact]
    public async Task Each_facts_hash_is_recomputed_from_the_fact_columns_of_its_row()
    {
        var rows = (await ReadAsync()).Skip(1).ToList();

        Assert.All(rows, row => Assert.Equal(
            Sha256Hex(string.Join('\t', row[Column("code")..(Column("catalogVersion") + 1)].Select(value => value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r")))),
            row[Column("factsSha256")]));
    }

    [Fact]
    public async Task Events_are_filed_under_their_local_day()
    {
        var rows = await ReadAsync();

        // E1 is 21:00 UTC on 30 Sep, midnight in Helsinki; E15 is 23:30 UTC on the 2nd, 02:30 on the 3rd; E51 the month's last instant.
        Assert.Equal("2026-10-01", RowOf(rows, "E1")[Column("day")]);
        Assert.Equal("2026-10-03", RowOf(rows, "E15")[Column("day")]);
        Assert.Equal("2026-10-31", RowOf(rows, "E51")[Column("day")]);
    }

    [Fact]
    public async Task Every_row_keeps_the_raw_event_as_received()
    {
        var rows = await ReadAsync();

        Assert.Equal(InSet.Select(stored => stored.Event.RawJson), rows.Skip(1).Select(row => row[Column("raw")]));
        var hostModified = rows.Single(row => row[Column("code")] == "802")[Column("raw")];
        Assert.Equal(HostModifiedJson, hostModified);
        Assert.Contains('\n', hostModified);
        Assert.Contains("\"modifications\": \"{\\\"addresses\\\"", hostModified);
    }

    [Fact]
    public async Task Rows_carry_the_facts_with_empty_fields_for_what_an_event_lacks()
    {
        var rows = await ReadAsync();

        // E19: Host-modified by alice.
        Assert.Equal(
            [
                "2026-10-05", "2026-10-05T12:00:00.0000000Z", Get("E19").Event.Identity, FactsHash.Of(802, Get("E19").Event.Facts),
                "802", "Host-modified", "configuration", "success", "false", "PCI 10.2.1.2; SOC 2 CC8.1; ISO A.8.16", "db01.example.com", HostModifications,
                "alice", "10.0.4.17", "host-store", "privx-prod", "PrivX v24", "2026-10-05T12:00:02.0000000Z",
            ],
            RowOf(rows, "E19").Take(18));
        // E35: a failed login without an address.
        Assert.Equal(["102", "User-login-failed", "logins", "failure", "false"], RowOf(rows, "E35")[Column("code")..(Column("finding") + 1)]);
        Assert.Equal(["erin", "", "auth", "privx-prod"], RowOf(rows, "E35")[Column("user")..(Column("instance") + 1)]);
        // E22: a code the catalog lacks has no outcome, no controls and is uncategorized.
        Assert.Equal(
            ["1701", "not in the catalog", "uncategorized", "", "false", "", "", ""],
            RowOf(rows, "E22")[Column("code")..(Column("details") + 1)]);
        // E32: an alert and a finding without a user; E51: stored exactly when version 1 read the store.
        Assert.Equal(["1006", "Trail-file-integrity-failed", "integrity", "alert", "true"], RowOf(rows, "E32")[Column("code")..(Column("finding") + 1)]);
        Assert.Equal("", RowOf(rows, "E32")[Column("user")]);
        Assert.Equal("2026-11-01T02:00:00.0000000Z", RowOf(rows, "E51")[Column("ingestedAtUtc")]);
    }

    [Fact]
    public async Task An_empty_set_is_a_file_with_the_header_alone()
    {
        var file = await Sets.EvidenceFileAsync([]);

        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var text = await reader.ReadToEndAsync();

        Assert.Equal(string.Join(',', Header) + "\r\n", text);
        Assert.Empty(await Sets.ReadEvidenceAsync(file));
    }

    [Fact]
    public void The_test_reader_reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var rows = Rfc4180.Parse("a,\"b,c\",\"say \"\"hi\"\"\",\"1\n2\r\n3\",\r\n,x,\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b,c", "say \"hi\"", "1\n2\r\n3", ""], rows[0]);
        Assert.Equal(["", "x", ""], rows[1]);
        Assert.Throws<FormatException>(() => Rfc4180.Parse("a\nb\r\n"));
        Assert.Throws<FormatException>(() => Rfc4180.Parse("a\"b\r\n"));
        Assert.Throws<FormatException>(() => Rfc4180.Parse("\"a\"b\r\n"));
        Assert.Throws<FormatException>(() => Rfc4180.Parse("\"a\r\n"));
    }

    /// <summary>A strict RFC 4180 reader: CRLF ends a record; a field holding a comma, quote or line break is quoted.</summary>
    private static class Rfc4180
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"')
                {
                    // A quoted field: up to the closing quote, with "" for a quote; then a comma or CRLF.
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            throw new FormatException("A quoted field is not closed.");
                        }
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        field.Append(text[i++]);
                    }
                    if (i < text.Length && text[i] != ',' && text[i] != '\r')
                    {
                        throw new FormatException($"Text after a closing quote at {i}.");
                    }
                }
                else
                {
                    while (i < text.Length && text[i] != ',' && text[i] != '\r')
                    {
                        if (text[i] is '"' or '\n')
                        {
                            throw new FormatException($"A quote or line break in an unquoted field at {i}.");
                        }
                        field.Append(text[i++]);
                    }
                }

                row.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    if (i == text.Length)
                    {
                        throw new FormatException("The file ends after a comma.");
                    }
                    continue;
                }
                if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n')
                {
                    i += 2;
                    rows.Add([.. row]);
                    row.Clear();
                    continue;
                }
                throw new FormatException($"A record does not end with CRLF at {i}.");
            }
            if (row.Count > 0)
            {
                throw new FormatException("The last record does not end with CRLF.");
            }
            return rows;
        }
    }
}
