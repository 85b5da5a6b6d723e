using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class RefusingInvalidPrivXMessages
{
    private static InvalidAuditEventException Refused(string body) =>
        Assert.Throws<InvalidAuditEventException>(() => PrivXEventParser.ParseMessage(body));

    [Theory]
    [InlineData("""{"event_id":"301","created":"2026-""")]
    [InlineData("[")]
    [InlineData("")]
    [InlineData("not json")]
    public void Truncated_or_non_json_text_is_refused_as_not_json(string body)
    {
        Assert.StartsWith("The message is not JSON", Refused(body).Message);
    }

    [Theory]
    [InlineData("\"hello\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void A_scalar_message_is_refused_and_named(string body, string kind)
    {
        var message = Refused(body).Message;

        Assert.Contains($"JSON {kind}", message);
        Assert.Contains("expected an event", message);
    }

    [Fact]
    public void An_event_without_any_time_is_refused()
    {
        var message = Refused(Item(created: null)).Message;

        Assert.Contains("\"created\"", message);
        Assert.Contains("\"message.timestamp\"", message);
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
        var message = Refused(Item(created: created.Replace("\n", "\\n", StringComparison.Ordinal))).Message;

        Assert.Contains("\"created\" must be an RFC 3339 time with an offset", message);
    }

    [Fact]
    public void A_created_time_that_is_not_a_string_is_refused()
    {
        var message = Refused("""{"event_id":"301","created":1759392843}""").Message;

        Assert.Contains("\"created\"", message);
        Assert.Contains("1759392843", message);
    }

    [Fact]
    public void A_bad_message_timestamp_is_refused_and_named()
    {
        var message = Refused(Item(created: null, messageTimestamp: "2026-10-02T08:14:03")).Message;

        Assert.Contains("\"message.timestamp\" must be an RFC 3339 time", message);
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
        var message = Refused(Item(eventIdJson)).Message;

        Assert.Contains("\"event_id\" must be a non-negative whole number", message);
        Assert.Contains(eventIdJson, message);
    }

    [Fact]
    public void An_event_without_a_code_is_refused()
    {
        var message = Refused("""{"created":"2026-10-02T08:14:03Z"}""").Message;

        Assert.Contains("no \"event_id\"", message);
    }

    [Fact]
    public void An_array_item_that_is_not_an_object_is_refused_with_its_index()
    {
        var message = Refused($"[{Alice},{Bob},42]").Message;

        Assert.StartsWith("Item 2:", message);
        Assert.Contains("must be a JSON object", message);
    }

    [Fact]
    public void A_bad_item_inside_a_page_is_refused_with_its_index()
    {
        var message = Refused($$"""{"count":2,"items":[{{Alice}},{{Item("\"x\"")}}]}""").Message;

        Assert.StartsWith("Item 1:", message);
        Assert.Contains("\"event_id\"", message);
    }

    [Theory]
    [InlineData("""{"count":1,"items":{}}""")]
    [InlineData("""{"count":1,"items":null}""")]
    [InlineData("""{"count":1,"items":"[]"}""")]
    public void A_page_whose_items_is_not_an_array_is_refused(string body)
    {
        Assert.Equal("A page's \"items\" must be an array.", Refused(body).Message);
    }

    [Fact]
    public void A_single_item_that_is_not_an_object_is_refused_by_ParseItem()
    {
        var error = Assert.Throws<InvalidAuditEventException>(() => PrivXEventParser.ParseItem(Json("[1]")));

        Assert.Contains("must be a JSON object", error.Message);
    }
}
