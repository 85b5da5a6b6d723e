using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class RefusingInvalidPrivXMessages
{
    private static string Refused(string body) => RefusedWhole(body).Reason;

    [Theory]
    [InlineData("""{"event_id":"301","created":"2026-""")]
    [InlineData("[")]
    [InlineData("")]
    [InlineData("not json")]
    public void Truncated_or_non_json_text_is_refused_as_not_json(string body)
    {
        Assert.StartsWith("The message is not JSON", Refused(body));
    }

    [Theory]
    [InlineData("\"hello\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void A_scalar_message_is_refused_and_named(string body, string kind)
    {
        var reason = Refused(body);

        Assert.StartsWith($"The message is {kind};", reason);
        Assert.Contains("expected an event", reason);
    }

    [Fact]
    public void An_event_without_any_time_is_refused()
    {
        var reason = Refused(Item(created: null));

        Assert.Contains("\"created\"", reason);
        Assert.Contains("\"message.timestamp\"", reason);
    }

    [Theory]
    [InlineData("2026-10-02T08:14:03")]
    [InlineData("2026-10-02T08:14:03.512")]
    [InlineData("2026-10-02")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("2026-02-30T08:14:03Z")]
    [InlineData("2026-10-02T08:14:03+0300")]
    [InlineData("2026-10-02T08:14:03Z\n")]
    [InlineData("٢٠٢٦-10-02T08:14:03Z")] // Arabic-Indic digits
    public void A_created_time_without_offset_or_not_a_time_is_refused(string created)
    {
        var reason = Refused(Item(created: created.Replace("\n", "\\n", StringComparison.Ordinal)));

        Assert.Contains("\"created\" must be an RFC 3339 time with an offset", reason);
    }

    [Fact]
    public void A_created_time_that_is_not_a_string_is_refused()
    {
        var reason = Refused("""{"event_id":"301","created":1759392843}""");

        Assert.Contains("\"created\"", reason);
        Assert.Contains("1759392843", reason);
    }

    [Fact]
    public void A_bad_message_timestamp_is_refused_and_named()
    {
        var reason = Refused(Item(created: null, messageTimestamp: "2026-10-02T08:14:03"));

        Assert.Contains("\"message.timestamp\" must be an RFC 3339 time", reason);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"-5\"")]
    [InlineData("-5")]
    [InlineData("3.5")]
    [InlineData("\"\"")]
    [InlineData("\" 301\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("\"99999999999\"")]
    public void A_code_that_is_not_a_non_negative_whole_number_is_refused(string eventIdJson)
    {
        var reason = Refused(Item(eventIdJson));

        Assert.Contains("\"event_id\" must be a non-negative whole number", reason);
        Assert.Contains(eventIdJson, reason);
    }

    [Fact]
    public void An_event_without_a_code_is_refused()
    {
        Assert.Contains("no \"event_id\"", Refused("""{"created":"2026-10-02T08:14:03Z"}"""));
    }

    [Fact]
    public void An_array_item_that_is_not_an_object_is_refused_with_its_position_and_the_others_are_read()
    {
        var items = AuditMessageReader.Read($"[{Alice},{Bob},42]").Items;

        Assert.Equal([301, 302], items.OfType<ReadEvent>().Select(read => read.Event.Code));
        var rejected = Assert.IsType<RejectedItem>(items[2]);
        Assert.Equal("item 3 (line 1)", rejected.Where);
        Assert.Contains("must be a JSON object", rejected.Reason);
        Assert.Equal("42", rejected.OriginalText);
    }

    [Fact]
    public void A_bad_item_inside_a_page_is_refused_with_its_position_and_the_others_are_read()
    {
        var bad = Item("\"x\"");
        var items = AuditMessageReader.Read($$"""{"count":2,"items":[{{Alice}},{{bad}}]}""").Items;

        Assert.Equal(301, Assert.IsType<ReadEvent>(items[0]).Event.Code);
        var rejected = Assert.IsType<RejectedItem>(items[1]);
        Assert.Equal("item 2 (line 1)", rejected.Where);
        Assert.Contains("\"event_id\"", rejected.Reason);
        Assert.Equal(bad, rejected.OriginalText);
    }

    [Theory]
    [InlineData("""{"count":1,"items":{}}""")]
    [InlineData("""{"count":1,"items":null}""")]
    [InlineData("""{"count":1,"items":"[]"}""")]
    public void A_page_whose_items_is_not_an_array_is_refused(string body)
    {
        Assert.Equal("A page's \"items\" must be an array.", Refused(body));
    }

    [Fact]
    public void A_single_item_that_is_not_an_object_is_refused_by_ParseItem()
    {
        var error = Assert.Throws<InvalidAuditEventException>(() => PrivXEventParser.ParseItem(Json("[1]")));

        Assert.Contains("must be a JSON object", error.Message);
    }
}
