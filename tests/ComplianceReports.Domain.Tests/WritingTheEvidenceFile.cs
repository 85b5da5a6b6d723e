using System.IO.Compression;
using System.Text;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>evidence.csv.gz: the golden month's set, one RFC 4180 row an event, read back with a reader of its own.</summary>
public class WritingTheEvidenceFile
{
    private static readonly string[] Header =
        ["occurredAtUtc", "identity", "code", "name", "category", "outcome", "user", "sourceAddress", "service", "instance", "ingestedAtUtc", "raw"];

    /// <summary>Writes the file as the report does: every stored event offered, the set's events kept.</summary>
    private static async Task<byte[]> WriteAsync()
    {
        using var output = new MemoryStream();
        await using (var csv = new EvidenceCsv(output))
        {
            using var aggregator = new MonthlyAggregator(Period, Cutoff, Settings);
            foreach (var stored in Store)
            {
                if (aggregator.Add(stored.Event, stored.IngestedAt))
                {
                    await csv.AddAsync(stored.Event, stored.IngestedAt);
                }
            }
        }
        return output.ToArray();
    }

    private static async Task<List<string[]>> ReadAsync()
    {
        using var gzip = new GZipStream(new MemoryStream(await WriteAsync()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return Rfc4180.Parse(await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task The_file_has_the_header_and_one_row_per_event_of_the_set_in_digest_order()
    {
        var rows = await ReadAsync();

        Assert.Equal(Header, rows[0]);
        Assert.Equal(1 + 51, rows.Count);
        Assert.All(rows, row => Assert.Equal(12, row.Length));
        Assert.Equal(InSet.Select(stored => stored.UtcText), rows.Skip(1).Select(row => row[0]));
        Assert.Equal(InSet.Select(stored => stored.Event.Identity), rows.Skip(1).Select(row => row[1]));
    }

    [Fact]
    public async Task The_digest_recomputed_from_the_first_two_columns_is_the_aggregates()
    {
        var rows = await ReadAsync();

        var recomputed = Sha256Hex(string.Concat(rows.Skip(1).Select(row => $"{row[0]}\t{row[1]}\n")));

        Assert.Equal(Aggregate.EventDigest, recomputed);
    }

    [Fact]
    public async Task Every_row_keeps_the_raw_event_as_received()
    {
        var rows = await ReadAsync();

        Assert.Equal(InSet.Select(stored => stored.Event.RawJson), rows.Skip(1).Select(row => row[11]));
        var hostModified = rows.Single(row => row[2] == "802")[11];
        Assert.Equal(HostModifiedJson, hostModified);
        Assert.Contains('\n', hostModified);
        Assert.Contains("\"modifications\": \"{\\\"addresses\\\"", hostModified);
    }

    [Fact]
    public async Task Rows_carry_the_facts_with_empty_fields_for_what_an_event_lacks()
    {
        var rows = (await ReadAsync()).Skip(1).ToList();

        // E19: Host-modified by alice.
        Assert.Equal(
            ["2026-10-05T12:00:00.0000000Z", Get("E19").Event.Identity, "802", "Host-modified", "configuration", "success", "alice", "10.0.4.17", "host-store", "privx-prod", "2026-10-05T12:00:02.0000000Z"],
            rows.Single(row => row[1] == Get("E19").Event.Identity).Take(11));
        // E35: a failed login without an address.
        Assert.Equal(
            ["102", "User-login-failed", "logins", "failure", "erin", "", "auth", "privx-prod"],
            rows.Single(row => row[1] == Get("E35").Event.Identity).Skip(2).Take(8));
        // E22: a code the catalog lacks has no name and no outcome.
        Assert.Equal(
            ["1701", "", "uncategorized", "", "bob", "", "secrets-manager", "privx-prod"],
            rows.Single(row => row[1] == Get("E22").Event.Identity).Skip(2).Take(8));
        // E32: an alert without a user; E51: stored exactly at the cutoff.
        Assert.Equal(["1006", "Trail-file-integrity-failed", "integrity", "alert", ""], rows.Single(row => row[1] == Get("E32").Event.Identity).Skip(2).Take(5));
        Assert.Equal("2026-11-01T02:00:00.0000000Z", rows.Single(row => row[1] == Get("E51").Event.Identity)[10]);
    }

    [Fact]
    public async Task An_empty_set_is_a_file_with_the_header_alone()
    {
        using var output = new MemoryStream();
        await using (new EvidenceCsv(output))
        {
        }

        using var gzip = new GZipStream(new MemoryStream(output.ToArray()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var text = await reader.ReadToEndAsync();

        Assert.Equal(string.Join(',', Header) + "\r\n", text);
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
