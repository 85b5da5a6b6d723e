using System.Text.Json;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>The evidence file gives back, field for field, every row the domain wrote into it.</summary>
public class RoundTrippingTheEvidenceFile
{
    private static readonly ReportPeriod October = new(new Month(2026, 10), TimeZoneInfo.Utc);

    /// <summary>Raw items with what CSV must quote or keep: commas, quotes, CR, LF, CRLF, non-ASCII, tabs, backslashes, leading spaces.</summary>
    private static readonly string[] AwkwardItems =
    [
        "{\"event_id\":\"802\",\"created\":\"2026-10-01T08:00:00Z\",\"message\":{\"username\":\"alice, admin\",\"hostName\":\"db01\",\"modifications\":\"{\\\"comment\\\":\\\"say \\\\\\\"hi\\\\\\\", then go\\\"}\"}}",
        "{\r\n  \"event_id\": \"100\",\r\n  \"created\": \"2026-10-02T08:00:00Z\",\r\n  \"message\": {\"username\": \"J\u00fcrgen \u00c5str\u00f6m \u65e5\u672c\", \"remoteAddress\": \"2001:db8::1\"}\r\n}",
        "{\"event_id\":\"202\",\n\"created\":\"2026-10-03T08:00:00Z\",\"message\":{\"username\":\"  leading and trailing  \",\"roleName\":\"ops\\ttab\",\"modifications\":\"line1\\r\\nline2\\rline3\\nback\\\\slash\"}}",
        "{\"event_id\":\"4242\",\"created\":\"2026-10-04T08:00:00Z\",\"message\":{\"username\":\"\\\"quoted\\\"\",\"instanceName\":\",\"}}",
    ];

    private static AuditEvent Parse(string raw)
    {
        using var document = JsonDocument.Parse(raw);
        return PrivXEventParser.ParseItem(document.RootElement);
    }

    internal static List<EvidenceRow> AwkwardRows()
    {
        var parsed = AwkwardItems.Select(Parse).ToList();
        // An item stored with spaces around it: the raw text is kept as stored, and still gives its identity.
        var spaced = Parse(AwkwardItems[0].Replace("2026-10-01T08", "2026-10-05T08", StringComparison.Ordinal));
        parsed.Add(spaced with { RawJson = "   " + spaced.RawJson + " \r\n" });
        return Sets.Rows(October, parsed.OrderBy(e => e.OccurredAt));
    }

    [Fact]
    public async Task Every_field_of_every_row_is_read_back_as_written()
    {
        var written = AwkwardRows();

        var read = await Sets.ReadEvidenceAsync(await Sets.EvidenceFileAsync(written));

        Assert.Equal(5, read.Count);
        Assert.Equal(written, read);
        Assert.Equal(written.Select(row => row.Raw), read.Select(row => row.Raw));
        Assert.Equal(written.Select(row => row.Facts), read.Select(row => row.Facts));
    }

    [Fact]
    public async Task The_awkward_characters_really_are_in_the_rows()
    {
        var read = await Sets.ReadEvidenceAsync(await Sets.EvidenceFileAsync(AwkwardRows()));

        Assert.Equal("alice, admin", read[0].Facts.User);
        Assert.Contains("{\"comment\":\"say ", read[0].Facts.Details);
        Assert.Contains(", then go\"}", read[0].Facts.Details);
        Assert.Contains("\r\n", read[1].Raw);
        Assert.Equal("J\u00fcrgen \u00c5str\u00f6m \u65e5\u672c", read[1].Facts.User);
        Assert.Equal("  leading and trailing  ", read[2].Facts.User);
        Assert.Equal("ops\ttab", read[2].Facts.Object);
        Assert.Equal("line1\r\nline2\rline3\nback\\slash", read[2].Facts.Details);
        Assert.Equal("\"quoted\"", read[3].Facts.User);
        Assert.Equal(",", read[3].Facts.Instance);
        Assert.Null(read[3].Facts.Outcome);
        Assert.StartsWith("   {", read[4].Raw);
        Assert.EndsWith("} \r\n", read[4].Raw);
    }

    [Fact]
    public async Task Rows_read_back_still_give_their_identities_and_facts_hashes()
    {
        var read = await Sets.ReadEvidenceAsync(await Sets.EvidenceFileAsync(AwkwardRows()));

        Assert.All(read, row => Assert.Equal(row.Identity, Domain.Events.EventIdentity.OfRaw(row.Raw)));
        Assert.All(read, row => Assert.Equal(row.FactsSha256, DigestScheme.FactsSha256(row.Code, row.Facts)));
    }

    [Fact]
    public async Task The_golden_months_rows_round_trip()
    {
        var read = await Sets.ReadEvidenceAsync(await Sets.EvidenceFileAsync(GoldenMonth.Rows));

        Assert.Equal(GoldenMonth.Rows, read);
    }

    [Fact]
    public async Task A_file_with_another_header_is_refused()
    {
        var file = await Sets.EvidenceFileAsync(AwkwardRows());
        var text = System.Text.Encoding.UTF8.GetString(Gunzip(file)).Replace("factsSha256", "factsHash", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<FormatException>(() => Sets.ReadEvidenceAsync(Gzip(System.Text.Encoding.UTF8.GetBytes(text))));
        Assert.Contains("does not start with the header", error.Message);
    }

    internal static byte[] Gunzip(byte[] gzipped)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(gzipped), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    internal static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }
}
