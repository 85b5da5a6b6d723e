using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests;

public class WritingTheReportSummary
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 2, 30, 0, TimeSpan.Zero);

    private static MonthlyAggregate October(Dictionary<int, long>? counts = null) => new(
        new Month(2026, 10),
        EventCount: 5,
        CountsByCode: counts ?? new Dictionary<int, long> { [302] = 2, [301] = 3 },
        CountsByCategory: new Dictionary<string, long> { ["sessions"] = 5 },
        EventDigest: new string('d', 64));

    private static ReportSummary Summary(MonthlyAggregate aggregate, int version = 2, DateTimeOffset? generatedAt = null) =>
        ReportSummary.From(new MonthlyReport(aggregate, version, generatedAt ?? GeneratedAt));

    private static JsonObject JsonOf(ReportSummary summary) =>
        JsonNode.Parse(summary.ToUtf8Json())!.AsObject();

    [Fact]
    public void The_json_has_exactly_the_schema_1_properties_in_order()
    {
        var json = JsonOf(Summary(October()));

        Assert.Equal(
            ["schemaVersion", "month", "timeZone", "version", "eventCount", "countsByCode", "generatedAt", "countsByCategory"],
            json.Select(property => property.Key));
    }

    [Fact]
    public void The_json_carries_the_reports_figures()
    {
        using var document = JsonDocument.Parse(Summary(October(), version: 2).ToUtf8Json());
        var root = document.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2026-10", root.GetProperty("month").GetString());
        Assert.Equal("UTC", root.GetProperty("timeZone").GetString());
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal(5, root.GetProperty("eventCount").GetInt64());
        Assert.Equal(GeneratedAt, root.GetProperty("generatedAt").GetDateTimeOffset());
    }

    [Fact]
    public void Codes_are_json_string_keys_with_number_counts()
    {
        using var document = JsonDocument.Parse(Summary(October()).ToUtf8Json());
        var counts = document.RootElement.GetProperty("countsByCode");

        Assert.Equal(JsonValueKind.Object, counts.ValueKind);
        Assert.Equal(3, counts.GetProperty("301").GetInt64());
        Assert.Equal(2, counts.GetProperty("302").GetInt64());
        Assert.Equal(JsonValueKind.Number, counts.GetProperty("301").ValueKind);
    }

    [Fact]
    public void Codes_are_listed_in_numeric_order()
    {
        var json = JsonOf(Summary(October(new Dictionary<int, long> { [1000] = 1, [999] = 1, [5] = 1 })));

        Assert.Equal(["5", "999", "1000"], json["countsByCode"]!.AsObject().Select(property => property.Key));
    }

    [Fact]
    public void Codes_with_a_zero_count_are_left_out()
    {
        var summary = Summary(October(new Dictionary<int, long> { [301] = 5, [305] = 0 }));

        Assert.Equal(["301"], summary.CountsByCode.Keys);
        Assert.False(JsonOf(summary)["countsByCode"]!.AsObject().ContainsKey("305"));
    }

    [Fact]
    public void Every_category_is_listed_in_the_catalogs_order_with_quiet_ones_at_zero()
    {
        var counts = JsonOf(Summary(October()))["countsByCategory"]!.AsObject();

        Assert.Equal(CatalogCategories.All.Select(category => category.Id), counts.Select(property => property.Key));
        Assert.Equal(5, counts["sessions"]!.GetValue<long>());
        Assert.Equal(0, counts["logins"]!.GetValue<long>());
        Assert.Equal(0, counts["uncategorized"]!.GetValue<long>());
    }

    [Fact]
    public void Two_summaries_of_the_same_aggregate_differ_only_in_generated_at()
    {
        var aggregate = October();
        var first = JsonOf(Summary(aggregate, generatedAt: GeneratedAt));
        var second = JsonOf(Summary(aggregate, generatedAt: GeneratedAt.AddHours(1)));

        Assert.NotEqual(first["generatedAt"]!.ToJsonString(), second["generatedAt"]!.ToJsonString());
        first.Remove("generatedAt");
        second.Remove("generatedAt");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public void A_summary_round_trips_through_its_json()
    {
        var original = Summary(October(), version: 3, generatedAt: new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.FromHours(2)));

        var read = ReportSummary.FromUtf8Json(original.ToUtf8Json());

        Assert.Equal(ReportSummary.CurrentSchemaVersion, read.SchemaVersion);
        Assert.Equal("2026-10", read.Month);
        Assert.Equal("UTC", read.TimeZone);
        Assert.Equal(3, read.Version);
        Assert.Equal(5, read.EventCount);
        Assert.Equal(new Dictionary<string, long> { ["301"] = 3, ["302"] = 2 }, read.CountsByCode);
        Assert.Equal(original.CountsByCategory, read.CountsByCategory);
        Assert.Equal(original.GeneratedAt, read.GeneratedAt);
        Assert.Equal(original.GeneratedAt.Offset, read.GeneratedAt.Offset);
    }

    [Fact]
    public void Reading_a_json_null_is_refused()
    {
        Assert.Throws<JsonException>(() => ReportSummary.FromUtf8Json("null"u8));
    }

    [Fact]
    public void A_reader_of_schema_1_ignores_fields_added_later()
    {
        var json = """
            {"schemaVersion":1,"month":"2026-10","timeZone":"UTC","version":1,"eventCount":1,
             "countsByCode":{"301":1},"generatedAt":"2026-11-01T00:00:00+00:00","addedLater":true}
            """u8;

        var read = ReportSummary.FromUtf8Json(json);

        Assert.Equal(1, read.EventCount);
        Assert.Equal(1, read.CountsByCode["301"]);
    }
}
