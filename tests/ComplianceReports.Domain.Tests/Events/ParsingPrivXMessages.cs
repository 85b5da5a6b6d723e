using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class ParsingPrivXMessages
{
    [Fact]
    public void A_single_item_yields_one_event_with_its_code_and_utc_time()
    {
        var parsed = Single(Alice);

        Assert.Equal(301, parsed.Code);
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 8, 14, 3, 512, TimeSpan.Zero), parsed.OccurredAt);
        Assert.Equal(TimeSpan.Zero, parsed.OccurredAt.Offset);
    }

    [Fact]
    public void An_array_yields_each_of_its_items_in_order()
    {
        var events = ReadEvents($"[{Alice},{Bob}]");

        Assert.Equal([301, 302], events.Select(e => e.Code));
        Assert.Equal(Utc(2026, 10, 3, 9), events[1].OccurredAt);
    }

    [Fact]
    public void A_rest_page_yields_each_of_its_items()
    {
        var events = ReadEvents($$"""{"count":2,"items":[{{Alice}},{{Bob}}]}""");

        Assert.Equal([301, 302], events.Select(e => e.Code));
    }

    [Fact]
    public void An_empty_array_yields_no_events()
    {
        Assert.Empty(ReadEvents("[]"));
    }

    [Fact]
    public void An_empty_rest_page_yields_no_events()
    {
        Assert.Empty(ReadEvents("""{"count":0,"items":[]}"""));
    }

    [Theory]
    [InlineData("\"301\"", 301)]
    [InlineData("301", 301)]
    [InlineData("\"0\"", 0)]
    [InlineData("\"2147483647\"", int.MaxValue)]
    public void The_code_may_be_a_string_or_a_number(string eventIdJson, int expected)
    {
        Assert.Equal(expected, Single(Item(eventIdJson)).Code);
    }

    [Fact]
    public void A_created_time_in_zulu_is_kept()
    {
        var parsed = Single(Item(created: "2026-10-02T08:14:03Z"));

        Assert.Equal(Utc(2026, 10, 2, 8, 14, 3), parsed.OccurredAt);
    }

    [Fact]
    public void A_created_time_with_an_offset_is_converted_to_utc()
    {
        var parsed = Single(Item(created: "2026-10-02T11:14:03.512+03:00"));

        Assert.Equal(new DateTimeOffset(2026, 10, 2, 8, 14, 3, 512, TimeSpan.Zero), parsed.OccurredAt);
        Assert.Equal(TimeSpan.Zero, parsed.OccurredAt.Offset);
    }

    [Fact]
    public void A_negative_offset_can_move_the_event_into_the_next_month()
    {
        var parsed = Single(Item(created: "2026-10-31T23:30:00-01:00"));

        Assert.Equal(Utc(2026, 11, 1, 0, 30), parsed.OccurredAt);
    }

    [Fact]
    public void A_nanosecond_fraction_is_kept_to_the_tick()
    {
        var parsed = Single(Item(created: "2026-10-02T08:14:03.123456789Z"));

        Assert.Equal(Utc(2026, 10, 2, 8, 14, 3).AddTicks(1_234_567), parsed.OccurredAt);
    }

    [Theory]
    [InlineData("2026-10-02t08:14:03z")]
    [InlineData("2026-10-02 08:14:03Z")]
    public void Rfc3339_variants_of_separator_and_case_are_accepted(string created)
    {
        Assert.Equal(Utc(2026, 10, 2, 8, 14, 3), Single(Item(created: created)).OccurredAt);
    }

    [Fact]
    public void Without_created_the_time_falls_back_to_the_message_timestamp()
    {
        var parsed = Single(Item(created: null, messageTimestamp: "2026-10-05T10:00:00+02:00"));

        Assert.Equal(Utc(2026, 10, 5, 8), parsed.OccurredAt);
    }

    [Fact]
    public void Created_wins_over_the_message_timestamp()
    {
        var parsed = Single(Item(created: "2026-10-02T08:00:00Z", messageTimestamp: "2026-10-09T08:00:00Z"));

        Assert.Equal(Utc(2026, 10, 2, 8), parsed.OccurredAt);
    }

    [Fact]
    public void The_raw_json_of_each_item_is_kept_as_received()
    {
        const string first = """{ "event_id" : "301",  "created":"2026-10-02T11:14:03+03:00", "message": {"username":"J\u00fcrgen"} }""";
        const string second = """{"created":"2026-10-03T09:00:00Z","event_id":302}""";

        var events = ReadEvents($"[\n  {first},\n  {second}\n]");

        Assert.Equal(first, events[0].RawJson);
        Assert.Equal(second, events[1].RawJson);
    }

    [Fact]
    public void The_identity_is_that_of_the_item_not_of_the_message()
    {
        var alone = Single(Alice);
        var inArray = ReadEvents($"[{Bob},{Alice}]")[1];
        var inPage = ReadEvents($$"""{"count":1,"items":[{{Alice}}]}""")[0];

        Assert.Equal(alone.Identity, inArray.Identity);
        Assert.Equal(alone.Identity, inPage.Identity);
    }

    [Fact]
    public void The_same_event_exported_with_other_formatting_has_the_same_identity()
    {
        var compact = Single("""{"event_id":"301","created":"2026-10-02T08:14:03Z","message":{"username":"alice"}}""");
        var pretty = Single("""
            {
              "message": { "username": "alice" },
              "created": "2026-10-02T08:14:03Z",
              "event_id": "301"
            }
            """);

        Assert.Equal(compact.Identity, pretty.Identity);
        Assert.NotEqual(compact.RawJson, pretty.RawJson);
    }

    [Fact]
    public void Events_that_differ_in_any_field_have_different_identities()
    {
        Assert.NotEqual(Single(Item(user: "alice")).Identity, Single(Item(user: "bob")).Identity);
    }
}
