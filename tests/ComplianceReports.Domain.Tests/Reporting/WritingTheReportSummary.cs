using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class WritingTheReportSummary
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 2, 30, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset ReadAt = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The fields schema 1 began with, which every schema keeps first and in order, so a reader can tell them apart.</summary>
    private static readonly string[] SchemaOneFields =
        ["schemaVersion", "month", "timeZone", "version", "eventCount", "countsByCode", "generatedAt"];

    private static readonly string[] SchemaTwoFields =
    [
        "countsByCategory", "periodStartUtc", "periodEndUtc", "readAt", "eventDigest", "organisation", "instance",
        "categories", "findings", "coverage", "logins", "secrets", "configuration", "otherCategories", "unknownEvents",
        "controls", "keyEvents", "changes", "days", "catalogVersions", "previousMonthSource",
    ];

    /// <summary>A small UTC month: two 301s and a 302, aggregated for real.</summary>
    private static MonthlyAggregate October() =>
        Sets.Aggregate(
            new ReportPeriod(new Month(2026, 10), TimeZoneInfo.Utc),
            [At(Utc(2026, 10, 1), 301, "first"), At(Utc(2026, 10, 15, 12), 302, "second"), At(Utc(2026, 10, 31, 23, 59, 59), 301, "third")]);

    private static ReportSummary Summary(
        MonthlyAggregate aggregate, int version = 2, DateTimeOffset? generatedAt = null, ReportSettings? settings = null, VersionChange? change = null) =>
        ReportSummary.From(new MonthlyReport(aggregate, settings ?? ReportSettings.Default, version, generatedAt ?? GeneratedAt, ReadAt, change));

    private static ReportSummary Golden(int version = 1, DateTimeOffset? generatedAt = null, VersionChange? change = null) =>
        Summary(GoldenMonth.Aggregate, version, generatedAt, GoldenMonth.Settings, change);

    private static JsonObject JsonOf(ReportSummary summary) =>
        JsonNode.Parse(summary.ToUtf8Json())!.AsObject();

    [Fact]
    public void The_json_starts_with_the_schema_1_fields_in_order_and_adds_the_schema_2_ones_after_them()
    {
        Assert.Equal([.. SchemaOneFields, .. SchemaTwoFields], JsonOf(Summary(October())).Select(property => property.Key));
        Assert.Equal([.. SchemaOneFields, .. SchemaTwoFields], JsonOf(Golden()).Select(property => property.Key));
    }

    [Fact]
    public void The_json_is_schema_version_2_with_no_cutoff_so_a_reader_of_version_1_can_tell_it_apart()
    {
        var json = JsonOf(Golden());

        Assert.Equal(2, ReportSummary.CurrentSchemaVersion);
        Assert.Equal(2, json["schemaVersion"]!.GetValue<int>());
        Assert.False(json.ContainsKey("cutoff"));
    }

    [Fact]
    public void The_json_carries_every_day_digest_of_the_period()
    {
        var days = JsonOf(Golden())["days"]!.AsArray();

        Assert.Equal(31, days.Count);
        Assert.Equal(
            GoldenMonth.Aggregate.Days.Select(day => (day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day.Count, day.Digest)),
            days.Select(day => (day!["date"]!.GetValue<string>(), day["count"]!.GetValue<long>(), day["digest"]!.GetValue<string>())));
        Assert.Equal(GoldenMonth.Aggregate.EventDigest, Domain.EventSets.EventSetDigests.Compose(ReportSummary.FromUtf8Json(Golden().ToUtf8Json()).Days));
        Assert.Equal(["PrivX v24"], JsonOf(Golden())["catalogVersions"]!.AsArray().Select(version => version!.GetValue<string>()));
    }

    [Fact]
    public void The_json_carries_the_reports_figures()
    {
        using var document = JsonDocument.Parse(Summary(October(), version: 2).ToUtf8Json());
        var root = document.RootElement;

        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2026-10", root.GetProperty("month").GetString());
        Assert.Equal("UTC", root.GetProperty("timeZone").GetString());
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal(3, root.GetProperty("eventCount").GetInt64());
        Assert.Equal(GeneratedAt, root.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("changes").ValueKind);
    }

    [Fact]
    public void The_golden_months_summary_names_its_zone_period_read_time_and_digest()
    {
        using var document = JsonDocument.Parse(Golden().ToUtf8Json());
        var root = document.RootElement;

        Assert.Equal("2026-10", root.GetProperty("month").GetString());
        Assert.Equal("Europe/Helsinki", root.GetProperty("timeZone").GetString());
        Assert.Equal(51, root.GetProperty("eventCount").GetInt64());
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 21, 0, 0, TimeSpan.Zero), root.GetProperty("periodStartUtc").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 22, 0, 0, TimeSpan.Zero), root.GetProperty("periodEndUtc").GetDateTimeOffset());
        Assert.Equal(ReadAt, root.GetProperty("readAt").GetDateTimeOffset());
        Assert.Equal(GoldenMonth.Aggregate.EventDigest, root.GetProperty("eventDigest").GetString());
        Assert.Equal("Example Oy", root.GetProperty("organisation").GetString());
        Assert.Equal("privx-prod", root.GetProperty("instance").GetString());
        Assert.Equal(
            ["10", "12", "100", "102", "103", "104", "111", "122", "130", "201", "202", "203", "213", "230", "250", "260", "261", "262",
             "301", "303", "802", "1000", "1006", "1101", "1400", "1401", "1402", "1403", "1701", "2301"],
            root.GetProperty("countsByCode").EnumerateObject().Select(property => property.Name));
        Assert.Equal(15, root.GetProperty("countsByCode").GetProperty("100").GetInt64());
        Assert.Equal(
            [28L, 8, 5, 1, 3, 0, 0, 2, 2, 2],
            root.GetProperty("countsByCategory").EnumerateObject().Select(property => property.Value.GetInt64()));
        Assert.Equal(
            "28.6% (6 of 21 attempts)",
            root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("title").GetString() == "Failed-login rate").GetProperty("figure").GetString());
    }

    [Fact]
    public void Codes_are_json_string_keys_with_number_counts()
    {
        using var document = JsonDocument.Parse(Summary(October()).ToUtf8Json());
        var counts = document.RootElement.GetProperty("countsByCode");

        Assert.Equal(JsonValueKind.Object, counts.ValueKind);
        Assert.Equal(2, counts.GetProperty("301").GetInt64());
        Assert.Equal(1, counts.GetProperty("302").GetInt64());
        Assert.Equal(JsonValueKind.Number, counts.GetProperty("301").ValueKind);
    }

    [Fact]
    public void Codes_are_listed_in_numeric_order()
    {
        var aggregate = October() with { CountsByCode = new Dictionary<int, long> { [1000] = 1, [999] = 1, [5] = 1 } };

        Assert.Equal(["5", "999", "1000"], JsonOf(Summary(aggregate))["countsByCode"]!.AsObject().Select(property => property.Key));
    }

    [Fact]
    public void Codes_with_a_zero_count_are_left_out()
    {
        var summary = Summary(October() with { CountsByCode = new Dictionary<int, long> { [301] = 5, [305] = 0 } });

        Assert.Equal(["301"], summary.CountsByCode.Keys);
        Assert.False(JsonOf(summary)["countsByCode"]!.AsObject().ContainsKey("305"));
    }

    [Fact]
    public void Every_category_is_listed_in_the_catalogs_order_with_quiet_ones_at_zero()
    {
        var counts = JsonOf(Summary(October()))["countsByCategory"]!.AsObject();

        Assert.Equal(CatalogCategories.All.Select(category => category.Id), counts.Select(property => property.Key));
        Assert.Equal(3, counts["sessions"]!.GetValue<long>());
        Assert.Equal(0, counts["logins"]!.GetValue<long>());
        Assert.Equal(0, counts["uncategorized"]!.GetValue<long>());
    }

    [Fact]
    public void Two_summaries_of_the_same_aggregate_differ_only_in_generated_at()
    {
        var first = JsonOf(Golden(generatedAt: GeneratedAt));
        var second = JsonOf(Golden(generatedAt: GeneratedAt.AddHours(1)));

        Assert.NotEqual(first["generatedAt"]!.ToJsonString(), second["generatedAt"]!.ToJsonString());
        first.Remove("generatedAt");
        second.Remove("generatedAt");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public void Two_aggregations_of_the_same_events_give_the_same_summary()
    {
        var again = Summary(GoldenMonth.AggregateWith(GoldenMonth.Settings), 1, GeneratedAt, GoldenMonth.Settings);

        Assert.Equal(Golden(generatedAt: GeneratedAt).ToUtf8Json(), again.ToUtf8Json());
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
        Assert.Equal(3, read.EventCount);
        Assert.Equal(new Dictionary<string, long> { ["301"] = 2, ["302"] = 1 }, read.CountsByCode);
        Assert.Equal(original.CountsByCategory, read.CountsByCategory);
        Assert.Equal(original.GeneratedAt, read.GeneratedAt);
        Assert.Equal(original.GeneratedAt.Offset, read.GeneratedAt.Offset);
    }

    [Fact]
    public void The_golden_summary_round_trips_with_every_figure()
    {
        var change = new VersionChange(1, 47, 4, new Dictionary<string, long> { ["logins"] = 3, ["secrets"] = 1 });
        var original = Golden(version: 2, change: change);

        var read = ReportSummary.FromUtf8Json(original.ToUtf8Json());

        // Every field written is read back: writing what was read gives the same bytes.
        Assert.Equal(original.ToUtf8Json(), read.ToUtf8Json());
        // And the figures are the aggregate's, not nulls or defaults written twice.
        var aggregate = GoldenMonth.Aggregate;
        Assert.Equal(51, read.EventCount);
        Assert.Equal(aggregate.EventDigest, read.EventDigest);
        Assert.Equal(aggregate.Period.StartUtc, read.PeriodStartUtc);
        Assert.Equal(aggregate.Period.EndUtc, read.PeriodEndUtc);
        Assert.Equal(ReadAt, read.ReadAt);
        Assert.Equal(aggregate.Days, read.Days);
        Assert.Equal("its report, version 1", read.PreviousMonthSource);
        Assert.Equal(aggregate.Categories, read.Categories);
        Assert.Equal(aggregate.Findings.Select(f => (f.Title, f.Figure, f.Count, string.Join(",", f.Codes))),
            read.Findings.Select(f => (f.Title, f.Figure, f.Count, string.Join(",", f.Codes))));
        Assert.Equal(aggregate.Coverage.FirstEvent, read.Coverage.FirstEvent);
        Assert.Equal(aggregate.Coverage.LastEvent, read.Coverage.LastEvent);
        Assert.Equal(aggregate.Coverage.DaysWithoutEvents, read.Coverage.DaysWithoutEvents);
        Assert.Equal(["rdp-proxy", "workflow-engine"], read.Coverage.SilentServices);
        Assert.Equal(3, read.Coverage.Quarantined);
        Assert.Equal(aggregate.Logins.FailuresByUser, read.Logins.FailuresByUser);
        Assert.Equal(aggregate.Logins.LoginsPerDay, read.Logins.LoginsPerDay);
        Assert.Equal(6.0 / 21.0, read.Logins.FailureRate);
        Assert.Equal(9, read.Logins.OffHoursLogins);
        Assert.Equal(aggregate.Secrets.BySecret, read.Secrets.BySecret);
        Assert.Equal(GoldenListedEvents.Secrets, read.Secrets.Events.Events);
        Assert.Equal(GoldenListedEvents.Changes, read.Configuration.ChangeLog.Events);
        Assert.Equal(aggregate.Configuration.ChangesPerDay, read.Configuration.ChangesPerDay);
        Assert.Equal(aggregate.OtherCategories.Select(s => (s.Id, s.Total)), read.OtherCategories.Select(s => (s.Id, s.Total)));
        Assert.Equal(aggregate.OtherCategories.SelectMany(s => s.ByEvent), read.OtherCategories.SelectMany(s => s.ByEvent));
        Assert.Equal(aggregate.UnknownEvents, read.UnknownEvents);
        Assert.Equal(aggregate.Controls.Select(c => (c.Control, c.Total, c.SupportedBy)), read.Controls.Select(c => (c.Control, c.Total, c.SupportedBy)));
        Assert.Equal(aggregate.Controls.SelectMany(c => c.Events), read.Controls.SelectMany(c => c.Events));
        Assert.Equal(GoldenListedEvents.Key, read.KeyEvents.Events);
        Assert.Equal(GoldenMonth.HostModifications, read.KeyEvents.Events.Single(e => e.Code == 802).Details);
        Assert.NotNull(read.Changes);
        Assert.Equal((1, 47L, 4L), (read.Changes.PreviousVersion, read.Changes.PreviousEventCount, read.Changes.EventsAdded));
        Assert.Equal(change.AddedByCategory, read.Changes.AddedByCategory);
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
