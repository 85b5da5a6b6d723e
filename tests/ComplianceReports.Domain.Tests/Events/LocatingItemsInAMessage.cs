using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class LocatingItemsInAMessage
{
    private static List<string> Wheres(string body) => AuditMessageReader.Read(body).Items.Select(item => item.Where).ToList();

    [Fact]
    public void Each_item_of_a_pretty_printed_array_is_placed_on_the_line_it_starts_on()
    {
        const string body = """
            [
              {
                "event_id": "301",
                "created": "2026-10-02T08:14:03Z"
              },
              {
                "event_id": "302",
                "created": "2026-10-03T09:00:00Z",
                "message": {
                  "username": "bob"
                }
              },

              { "event_id": "x", "created": "2026-10-03T09:00:00Z" }
            ]
            """;

        Assert.Equal(["item 1 (line 2)", "item 2 (line 6)", "item 3 (line 14)"], Wheres(body));
        Assert.IsType<RejectedItem>(AuditMessageReader.Read(body).Items[2]);
    }

    [Fact]
    public void Items_on_one_line_share_it_and_keep_their_positions()
    {
        Assert.Equal(["item 1 (line 1)", "item 2 (line 1)", "item 3 (line 2)"], Wheres($"[{Alice}, {Bob},\n{Alice}]"));
    }

    [Fact]
    public void Crlf_line_ends_count_once_per_line()
    {
        Assert.Equal(["item 1 (line 2)", "item 2 (line 3)"], Wheres($"[\r\n{Alice},\r\n{Bob}\r\n]"));
    }

    [Fact]
    public void Lines_inside_strings_before_an_item_are_not_counted_as_the_item_start()
    {
        // A newline escape is two characters, not a line: only real line breaks move the count.
        var first = """{"event_id":"301","created":"2026-10-02T08:14:03Z","note":"a\nb\nc"}""";

        Assert.Equal(["item 1 (line 1)", "item 2 (line 2)"], Wheres($"[{first},\n{Bob}]"));
    }

    [Fact]
    public void The_items_of_a_pretty_printed_page_are_placed_past_the_properties_before_them()
    {
        var body = $$"""
            {
              "count": 2,
              "meta": { "items": [1, 2, 3], "note": "ignored" },
              "items": [
                {{Alice}},
                {{Bob}}
              ]
            }
            """;

        Assert.Equal(["item 1 (line 5)", "item 2 (line 6)"], Wheres(body));
    }

    [Fact]
    public void The_events_of_a_pretty_printed_envelope_are_placed_on_their_lines()
    {
        var body = $"{{\n  \"batchId\": \"b1\",\n  \"events\": [\n    {Alice},\n\n    {Bob}\n  ]\n}}";

        Assert.Equal(["item 1 (line 4)", "item 2 (line 6)"], Wheres(body));
    }

    [Fact]
    public void Ndjson_lines_are_numbered_from_one_including_blank_lines()
    {
        Assert.Equal(["line 1", "line 3", "line 4"], Wheres($"{Alice}\n\n{Bob}\n{Alice}\n\n"));
    }
}
