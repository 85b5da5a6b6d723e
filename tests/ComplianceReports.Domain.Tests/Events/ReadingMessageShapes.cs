using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class ReadingMessageShapes
{
    private static IEnumerable<(string Where, int Code)> Read(string body) =>
        AuditMessageReader.Read(body).Items.Select(item => (item.Where, Assert.IsType<ReadEvent>(item).Event.Code));

    [Fact]
    public void A_single_item_is_read_as_the_message()
    {
        var message = AuditMessageReader.Read(Alice);

        var read = Assert.IsType<ReadEvent>(Assert.Single(message.Items));
        Assert.Equal("the message", read.Where);
        Assert.Equal(301, read.Event.Code);
        Assert.Equal(Alice, read.Event.RawJson);
        Assert.Null(message.BatchId);
        Assert.Null(message.BlobName);
    }

    [Fact]
    public void An_array_is_read_item_by_item_with_position_and_line()
    {
        Assert.Equal([("item 1 (line 1)", 301), ("item 2 (line 1)", 302)], Read($"[{Alice},{Bob}]"));
    }

    [Fact]
    public void A_rest_page_is_read_item_by_item()
    {
        var message = AuditMessageReader.Read($$"""{"count":2,"items":[{{Alice}},{{Bob}}]}""");

        Assert.Equal([301, 302], message.Events.Select(e => e.Code));
        Assert.Equal(["item 1 (line 1)", "item 2 (line 1)"], message.Items.Select(item => item.Where));
        Assert.Null(message.BatchId);
    }

    [Fact]
    public void Ndjson_is_read_line_by_line()
    {
        Assert.Equal([("line 1", 301), ("line 2", 302)], Read($"{Alice}\n{Bob}\n"));
    }

    [Fact]
    public void Ndjson_with_crlf_line_ends_is_read_and_the_raw_json_has_no_carriage_return()
    {
        var message = AuditMessageReader.Read($"{Alice}\r\n{Bob}\r\n");

        Assert.Equal(["line 1", "line 2"], message.Items.Select(item => item.Where));
        Assert.Equal([Alice, Bob], message.Events.Select(e => e.RawJson));
    }

    [Fact]
    public void Blank_lines_in_ndjson_are_skipped_but_still_counted()
    {
        Assert.Equal([("line 2", 301), ("line 5", 302)], Read($"\n{Alice}\r\n  \r\n\n{Bob}"));
    }

    [Fact]
    public void A_bad_ndjson_line_is_refused_alone_and_the_other_lines_are_read()
    {
        const string bad = """{"event_id":"301","created":""";
        var items = AuditMessageReader.Read($"{Alice}\n{bad}\n{Bob}\n").Items;

        Assert.Equal([301, 302], items.OfType<ReadEvent>().Select(read => read.Event.Code));
        var rejected = Assert.IsType<RejectedItem>(items[1]);
        Assert.Equal("line 2", rejected.Where);
        Assert.StartsWith("The line is not JSON", rejected.Reason);
        Assert.Equal(bad, rejected.OriginalText);
    }

    [Fact]
    public void Text_that_is_neither_json_nor_ndjson_is_refused_whole()
    {
        var body = "time=2026-10-02T08:14:03Z event=301\nuser=alice\n";

        var rejected = RefusedWhole(body);

        Assert.StartsWith("The message is not JSON", rejected.Reason);
    }

    [Fact]
    public void Ndjson_whose_first_line_is_bad_refuses_that_line_alone()
    {
        var message = AuditMessageReader.Read($"hello\n{Alice}\n");

        var refused = Assert.IsType<RejectedItem>(message.Items[0]);
        Assert.Equal(("line 1", "hello"), (refused.Where, refused.OriginalText));
        Assert.Equal("line 2", Assert.IsType<ReadEvent>(message.Items[1]).Where);
    }

    [Fact]
    public void An_envelope_with_events_carries_its_batch_id_and_its_events()
    {
        var message = AuditMessageReader.Read($$"""{"batchId":"export-2026.10:part_1","events":[{{Alice}},{{Bob}}]}""");

        Assert.Equal("export-2026.10:part_1", message.BatchId);
        Assert.Null(message.BlobName);
        Assert.Equal([301, 302], message.Events.Select(e => e.Code));
        Assert.Equal(["item 1 (line 1)", "item 2 (line 1)"], message.Items.Select(item => item.Where));
    }

    [Fact]
    public void An_envelope_with_an_empty_events_array_is_a_batch_of_nothing()
    {
        var message = AuditMessageReader.Read("""{"batchId":"b1","events":[]}""");

        Assert.Equal("b1", message.BatchId);
        Assert.Empty(message.Items);
    }

    [Fact]
    public void An_envelope_with_a_blob_names_the_export_and_holds_no_items()
    {
        var message = AuditMessageReader.Read("""{"batchId":"b1","blob":"exports/2026/10/privx-events.ndjson"}""");

        Assert.Equal("b1", message.BatchId);
        Assert.Equal("exports/2026/10/privx-events.ndjson", message.BlobName);
        Assert.Empty(message.Items);
    }

    [Fact]
    public void An_envelope_with_neither_events_nor_blob_is_refused_but_keeps_its_batch_id_for_the_receipt()
    {
        const string body = """{"batchId":"b1","count":3}""";

        var message = AuditMessageReader.Read(body);

        Assert.Equal("b1", message.BatchId);
        Assert.Null(message.BlobName);
        var rejected = Assert.IsType<RejectedItem>(Assert.Single(message.Items));
        Assert.Equal("the message", rejected.Where);
        Assert.Contains("\"events\"", rejected.Reason);
        Assert.Contains("\"blob\"", rejected.Reason);
        Assert.Equal(body, rejected.OriginalText);
    }

    [Theory]
    [InlineData("""{"batchId":"b1","events":{}}""")]
    [InlineData("""{"batchId":"b1","events":"[]"}""")]
    public void An_envelope_whose_events_is_not_an_array_is_refused(string body)
    {
        Assert.Equal("An envelope's \"events\" must be an array.", RefusedWhole(body).Reason);
        Assert.Equal("b1", AuditMessageReader.Read(body).BatchId);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"-leading-dash\"")]
    [InlineData("\".hidden\"")]
    [InlineData("\"has space\"")]
    [InlineData("\"a/b\"")]
    [InlineData("\"caf\u00e9\"")]
    [InlineData("\"line\\nbreak\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void An_envelope_with_a_bad_batch_id_is_refused_whole_without_a_batch_id(string batchIdJson)
    {
        var body = $$"""{"batchId":{{batchIdJson}},"events":[{{Alice}}]}""";

        var message = AuditMessageReader.Read(body);

        Assert.Null(message.BatchId);
        Assert.Empty(message.Events);
        Assert.StartsWith("\"batchId\" must be a string of up to 128", RefusedWhole(body).Reason);
    }

    [Fact]
    public void A_batch_id_may_be_128_characters_but_not_129()
    {
        var longest = "b" + new string('x', 127);

        Assert.Equal(longest, AuditMessageReader.Read($$"""{"batchId":"{{longest}}","events":[]}""").BatchId);
        Assert.Null(AuditMessageReader.Read($$"""{"batchId":"{{longest}}x","events":[]}""").BatchId);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("exports/../../x")]
    [InlineData("/x")]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil/x")]
    [InlineData("a\\\\b")]
    [InlineData("x?sas=1")]
    [InlineData("x#fragment")]
    [InlineData("x\\u0001y")]
    [InlineData("")]
    [InlineData("..\\/x")]
    public void An_envelope_whose_blob_could_escape_the_ingest_container_is_refused(string blobJsonText)
    {
        var body = $$"""{"batchId":"b1","blob":"{{blobJsonText}}"}""";

        var message = AuditMessageReader.Read(body);

        Assert.Null(message.BlobName);
        Assert.Equal("b1", message.BatchId);
        var rejected = RefusedWhole(body);
        Assert.StartsWith("An envelope's \"blob\" must name a blob in the ingest container", rejected.Reason);
    }

    [Fact]
    public void A_blob_that_is_not_a_string_is_refused()
    {
        Assert.StartsWith("An envelope's \"blob\" must name", RefusedWhole("""{"batchId":"b1","blob":["x"]}""").Reason);
    }

    [Theory]
    [InlineData("export.ndjson", true)]
    [InlineData("2026/10/privx events.json", true)]
    [InlineData("a.b..c", false)]
    [InlineData("a\\b", false)]
    [InlineData("http://x", false)]
    [InlineData("a\u007fb", false)]
    public void Blob_names_are_plain_relative_names(string name, bool valid)
    {
        Assert.Equal(valid, IngestBlobName.IsValid(name));
    }

    [Fact]
    public void A_blob_name_of_1024_characters_is_valid_and_one_more_is_not()
    {
        Assert.True(IngestBlobName.IsValid(new string('a', 1024)));
        Assert.False(IngestBlobName.IsValid(new string('a', 1025)));
    }

    [Fact]
    public void A_page_with_the_items_property_twice_is_refused_rather_than_guessed()
    {
        var body = $$"""{"count":1,"items":[],"items":[{{Alice}}]}""";

        Assert.Equal("The property \"items\" appears twice in the message.", RefusedWhole(body).Reason);
    }

    [Fact]
    public void An_envelope_with_the_events_property_twice_is_refused_rather_than_guessed()
    {
        var body = $$"""{"batchId":"b1","events":[{{Alice}}],"events":[]}""";

        Assert.Contains("\"events\" appears twice", RefusedWhole(body).Reason);
    }

    [Theory]
    [InlineData("""{"batchId":"\ud800","events":[]}""")]
    [InlineData("""{"batchId":"b1","blob":"x\udc00"}""")]
    [InlineData("""{"\ud800":1,"items":[]}""")]
    public void A_lone_surrogate_escape_outside_the_items_is_refused_not_thrown(string body)
    {
        Assert.Contains("not valid Unicode", RefusedWhole(body).Reason);
    }

    [Fact]
    public void A_string_with_a_raw_lone_surrogate_is_refused_not_thrown()
    {
        Assert.Contains("not valid Unicode", RefusedWhole($"[{Alice},\"\ud800\"]").Reason);
    }
}
