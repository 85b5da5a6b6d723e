using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>One bad item is refused with a reason a producer can act on and its text kept; the good items around it are still read.</summary>
public class RefusingBadItemsBesideGoodOnes
{
    private const string Time = "\"created\":\"2026-10-02T08:14:03Z\"";

    /// <summary>A bad item, and words its refusal must contain.</summary>
    public static TheoryData<string, string> BadItems => new()
    {
        { """{"event_id":"301","message":{"username":"alice"}}""", "neither \"created\" nor \"message.timestamp\"" },
        { """{"event_id":"301","created":"2026-10-02T08:14:03"}""", "\"created\" must be an RFC 3339 time with an offset, not \"2026-10-02T08:14:03\"" },
        { """{"event_id":"301","created":"last tuesday"}""", "\"created\" must be an RFC 3339 time with an offset, not \"last tuesday\"" },
        { """{"event_id":"301","created":1759392843}""", "\"created\" must be an RFC 3339 time with an offset, not 1759392843" },
        { """{"event_id":"301","message":{"timestamp":"2026-10-02"}}""", "\"message.timestamp\" must be an RFC 3339 time" },
        { $$"""{"event_id":"login",{{Time}}}""", "\"event_id\" must be a non-negative whole number, not \"login\"" },
        { $$"""{"event_id":-301,{{Time}}}""", "\"event_id\" must be a non-negative whole number, not -301" },
        { $$"""{"event_id":"-301",{{Time}}}""", "\"event_id\" must be a non-negative whole number, not \"-301\"" },
        { $$"""{"event_id":301.5,{{Time}}}""", "\"event_id\" must be a non-negative whole number, not 301.5" },
        { $$"""{"event_id":true,{{Time}}}""", "\"event_id\" must be a non-negative whole number, not true" },
        { $$"""{{{Time}}}""", "no \"event_id\"" },
        { $$"""{"event_id":"301",{{Time}},"message":"alice logged in"}""", "\"message\" must be an object, not a string" },
        { $$$"""{"event_id":"301",{{{Time}}},"message":{"username":42}}""", "\"message.username\" must be a string, not a number" },
        { $$$"""{"event_id":"301",{{{Time}}},"message":{"remoteAddress":["10.0.0.1"]}}""", "\"message.remoteAddress\" must be a string" },
        { $$"""{"event_id":"301",{{Time}},"service_name":false}""", "\"service_name\" must be a string, not a boolean" },
        { "{}", "The event is an empty object." },
        { "\"301\"", "An event must be a JSON object, not a string." },
        { "301", "An event must be a JSON object, not a number." },
        { "null", "An event must be a JSON object, not null." },
                { $$$"""{"event_id":"301",{{{Time}}},"message":{"username":"{{{new string('u', 2000)}}}"}}""", "\"message.username\" is 2,000 characters long, over the 1,024 allowed" },
        { $$"""{"event_id":"301",{{Time}},"padding":"{{new string('p', 1024 * 1024)}}"}""", "over the 1,048,576 an audit event may have" },
        { $$"""{"event_id":"301",{{Time}},"event_id":"302"}""", "The property \"event_id\" appears twice in one object." },
        { $$$"""{"event_id":"301",{{{Time}}},"message":{"username":"a","username":"b"}}""", "The property \"username\" appears twice" },
        { $$"""{"event_id":"301",{{Time}},"bytes":1e400}""", "The number 1e400 is too large for a double." },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public void A_bad_array_item_is_refused_and_the_items_around_it_are_read(string bad, string reason)
    {
        AssertRefusedBetweenGoodOnes($"[{Alice},\n{bad},\n{Bob}]", "item 2 (line 2)", bad, reason);
    }

    [Theory]
    [MemberData(nameof(BadItems))]
    public void A_bad_ndjson_line_is_refused_and_the_lines_around_it_are_read(string bad, string reason)
    {
        AssertRefusedBetweenGoodOnes($"{Alice}\n{bad}\n{Bob}\n", "line 2", bad, reason);
    }

    private static void AssertRefusedBetweenGoodOnes(string body, string where, string bad, string reason)
    {
        var items = AuditMessageReader.Read(body).Items;

        Assert.Equal(3, items.Count);
        Assert.Equal(301, Assert.IsType<ReadEvent>(items[0]).Event.Code);
        var rejected = Assert.IsType<RejectedItem>(items[1]);
        Assert.Equal(where, rejected.Where);
        Assert.Contains(reason, rejected.Reason);
        Assert.Equal(bad, rejected.OriginalText);
        Assert.Equal(302, Assert.IsType<ReadEvent>(items[2]).Event.Code);
    }

    [Theory]
    [MemberData(nameof(BadItems))]
    public void A_bad_item_that_is_the_whole_message_is_refused_with_the_message(string bad, string reason)
    {
        var rejected = Assert.IsType<RejectedItem>(Assert.Single(AuditMessageReader.Read(bad).Items));

        Assert.Equal("the message", rejected.Where);
        Assert.Contains(reason.Replace("An event must be a JSON object, not ", "The message is ", StringComparison.Ordinal).TrimEnd('.'), rejected.Reason);
        Assert.Equal(bad, rejected.OriginalText);
    }

    [Fact]
    public void A_truncated_message_is_refused_whole_even_when_its_first_items_are_complete()
    {
        var body = $"[{Alice},{Bob},{{\"event_id\":\"30";

        var message = AuditMessageReader.Read(body);

        Assert.Empty(message.Events);
        var rejected = RefusedWhole(body);
        Assert.StartsWith("The message is not JSON", rejected.Reason);
    }

    [Fact]
    public void A_pretty_printed_truncated_item_is_refused_whole()
    {
        var body = "{\n  \"event_id\": \"301\",\n  \"created\": \"2026-10-02T08:";

        Assert.StartsWith("The message is not JSON", RefusedWhole(body).Reason);
    }

    [Fact]
    public void An_item_of_exactly_the_fact_limit_is_read()
    {
        var user = new string('u', PrivXEventParser.MaxFactLength);

        Assert.Equal(user, Single($$$"""{"event_id":"301",{{{Time}}},"message":{"username":"{{{user}}}"}}""").Facts.User);
    }

    [Fact]
    public void An_item_just_under_one_mebibyte_is_read()
    {
        var head = "{\"event_id\":\"301\"," + Time + ",\"padding\":\"";
        var padding = new string('p', PrivXEventParser.MaxItemBytes - head.Length - 2);
        var item = head + padding + "\"}";

        Assert.Equal(PrivXEventParser.MaxItemBytes, item.Length);
        Assert.Equal(301, Single(item).Code);
    }
}
