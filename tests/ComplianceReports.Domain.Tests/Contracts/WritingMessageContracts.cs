using ComplianceReports.Domain.Contracts;

namespace ComplianceReports.Domain.Tests.Contracts;

/// <summary>Producers outside this repository write these shapes by hand: the bytes must not drift.</summary>
public class WritingMessageContracts
{
    [Fact]
    public void An_envelope_of_events_keeps_each_events_text_byte_for_byte()
    {
        var events = new[] { """{"id": "a",  "name":"Jörg"}""", "{\n  \"id\": \"b\"\n}" };

        var json = new IngestEnvelope("send-00001", events).ToJson();

        Assert.Equal("{\"batchId\":\"send-00001\",\"events\":[" + events[0] + "," + events[1] + "]}", json);
        var read = IngestEnvelope.TryFromJson(json)!;
        Assert.Equal("send-00001", read.BatchId);
        Assert.Equal(events, read.Events);
        Assert.Null(read.Blob);
    }

    [Fact]
    public void An_envelope_naming_an_export_carries_no_events()
    {
        var json = new IngestEnvelope("send-export", Blob: "send.ndjson").ToJson();

        Assert.Equal("""{"batchId":"send-export","blob":"send.ndjson"}""", json);
        Assert.Equal(new IngestEnvelope("send-export", Blob: "send.ndjson"), IngestEnvelope.TryFromJson(json));
    }

    [Fact]
    public void An_empty_envelope_is_26_bytes_plus_its_batch_id()
    {
        Assert.Equal("""{"batchId":"","events":[]}""", new IngestEnvelope("", []).ToJson());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"id":"a"}""")]
    [InlineData("""{"count":1,"items":[]}""")]
    [InlineData("""{"batchId":"b","events":{}}""")]
    [InlineData("not json")]
    public void Anything_but_an_envelope_reads_as_none(string body)
    {
        Assert.Null(IngestEnvelope.TryFromJson(body));
    }

    [Fact]
    public void A_report_request_keeps_its_shape_with_or_without_a_requester()
    {
        Assert.Equal("""{"month":"2026-10","requestId":"abc","requestedBy":"cli"}""", new ReportRequest("2026-10", "abc", "cli").ToJson());
        Assert.Equal("""{"month":"2026-10","requestId":"abc","requestedBy":null}""", new ReportRequest("2026-10", "abc", null).ToJson());
    }

    [Fact]
    public void A_request_outcome_keeps_its_shape_and_survives_its_trip_through_json()
    {
        var outcome = new ReportRequestOutcome("abc", "2026-10", 2, 24, NewVersion: true, new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));

        var json = outcome.ToUtf8Json();

        Assert.Equal(
            """{"requestId":"abc","month":"2026-10","version":2,"eventCount":24,"newVersion":true,"completedAt":"2026-11-01T02:00:00+00:00"}""",
            System.Text.Encoding.UTF8.GetString(json));
        Assert.Equal(outcome, ReportRequestOutcome.FromUtf8Json(json));
    }

    [Fact]
    public void A_manifest_is_written_indented_and_survives_its_trip_through_json()
    {
        var manifest = new ReportManifest(
            ReportManifest.CurrentSchemaVersion, "2026-10", 1, 24, "ab12", new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string> { ["report.pdf"] = "2026-10/v1/report-ab12.pdf" }, "UTC",
            new DateTimeOffset(2026, 11, 1, 1, 59, 0, TimeSpan.Zero), new Dictionary<string, long> { ["2026-10"] = 3 },
            new Dictionary<string, long> { ["logins"] = 24 }, ["ssh"]);

        var json = manifest.ToUtf8Json();
        var read = ReportManifest.FromUtf8Json(json);

        Assert.StartsWith("{\n  \"schemaVersion\": 2,\n  \"month\": \"2026-10\",", System.Text.Encoding.UTF8.GetString(json).ReplaceLineEndings("\n"));
        Assert.Equal(manifest.Files, read.Files);
        Assert.Equal(manifest.MarkerSequences, read.MarkerSequences);
        Assert.Equal(manifest.CountsByCategory, read.CountsByCategory);
        Assert.Equal(manifest.Services, read.Services);
        Assert.Equal(manifest with { Files = read.Files, MarkerSequences = read.MarkerSequences, CountsByCategory = read.CountsByCategory, Services = read.Services }, read);
    }
}
