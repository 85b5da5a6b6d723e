using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>Sealed days: a month composed of its days' seals is the month read in one pass, and its evidence file is their chunks.</summary>
public class SealingDays
{
    private static readonly DateTimeOffset SealedAt = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(500)]
    [InlineData(3)]
    public void A_month_composed_of_its_days_seals_equals_the_month_read_in_one_pass(int maxListedEvents)
    {
        var settings = GoldenMonth.Settings with { MaxListedEvents = maxListedEvents };
        using var streamed = GoldenMonth.SetWith(settings);
        var expected = streamed.Complete(GoldenMonth.Previous, GoldenMonth.Quarantined);

        // Each day through its seal's JSON, taken in reverse date order.
        using var composed = new EventSet(GoldenMonth.Period, settings);
        foreach (var day in streamed.Days.Reverse())
        {
            composed.Add(ThroughSealJson(day, settings).Day);
        }
        var actual = composed.Complete(GoldenMonth.Previous, GoldenMonth.Quarantined);

        Assert.Equal(Figures(expected), Figures(actual));
        Assert.Equal(expected.EventDigest, actual.EventDigest);
    }

    [Fact]
    public void The_listed_events_of_a_month_are_its_first_ones_whichever_days_hold_them()
    {
        var settings = GoldenMonth.Settings with { MaxListedEvents = 3 };
        var aggregate = GoldenMonth.AggregateWith(settings);
        var everyKeyEvent = GoldenMonth.AggregateWith(GoldenMonth.Settings).KeyEvents;

        Assert.Equal(everyKeyEvent.Events.Take(3), aggregate.KeyEvents.Events);
        Assert.Equal(everyKeyEvent.Events.Count + everyKeyEvent.NotListed - 3, aggregate.KeyEvents.NotListed);
    }

    [Fact]
    public void A_day_reader_leaves_out_events_of_other_days()
    {
        using var set = new EventSet(new ReportPeriod(new Month(2026, 10), TimeZoneInfo.Utc), ReportSettings.Default);
        using var day = set.Day(new DateOnly(2026, 10, 2));

        Assert.Null(day.Add(At(Utc(2026, 10, 1, 23, 59, 59)), Utc(2026, 10, 2), At(Utc(2026, 10, 1, 23, 59, 59)).Identity));
        var inDay = At(Utc(2026, 10, 2, 0, 0, 1));
        Assert.NotNull(day.Add(inDay, Utc(2026, 10, 2), inDay.Identity));
        Assert.Equal(1, day.Complete().Count);
    }

    [Fact]
    public void A_day_can_join_a_set_only_once()
    {
        using var set = new EventSet(new ReportPeriod(new Month(2026, 10), TimeZoneInfo.Utc), ReportSettings.Default);
        using var day = set.Day(new DateOnly(2026, 10, 2));
        set.Add(day.Complete());

        Assert.Throws<InvalidOperationException>(() => set.Add(day.Complete()));
        Assert.Throws<ArgumentException>(() => set.Add(day.Complete() with { Date = new DateOnly(2026, 11, 1) }));
    }

    [Fact]
    public async Task An_evidence_file_of_a_header_and_day_chunks_reads_as_one_file()
    {
        var period = new ReportPeriod(new Month(2026, 10), TimeZoneInfo.Utc);
        AuditEvent[] events = [At(Utc(2026, 10, 1, 8), 100, "a"), At(Utc(2026, 10, 1, 9), 102, "b"), At(Utc(2026, 10, 3, 8), 301, "c")];
        var rows = Sets.Rows(period, events);

        using var file = new MemoryStream();
        EvidenceCsv.WriteHeader(file);
        foreach (var day in rows.GroupBy(row => row.Day))
        {
            await using var chunk = EvidenceCsv.OpenChunk(file);
            foreach (var row in day)
            {
                await chunk.AddAsync(row);
            }
        }

        Assert.Equal(rows, await Sets.ReadEvidenceAsync(file.ToArray()));
        Assert.Equal(rows, await Sets.ReadEvidenceAsync(await Sets.EvidenceFileAsync(rows)));
    }

    [Fact]
    public void A_seals_scope_changes_with_the_zone_and_the_settings_a_rollup_depends_on()
    {
        var utc = new ReportPeriod(new Month(2026, 10), TimeZoneInfo.Utc);
        var settings = ReportSettings.Default;
        var scope = DaySeal.ScopeOf(utc, settings);

        Assert.Equal(scope, DaySeal.ScopeOf(utc with { }, settings with { TopCount = 3, Organisation = "Other" }));
        Assert.Equal(scope, DaySeal.ScopeOf(new ReportPeriod(new Month(2026, 11), TimeZoneInfo.Utc), settings));
        Assert.NotEqual(scope, DaySeal.ScopeOf(GoldenMonth.Period, settings));
        Assert.NotEqual(scope, DaySeal.ScopeOf(utc, settings with { MaxListedEvents = 3 }));
        Assert.NotEqual(scope, DaySeal.ScopeOf(utc, settings with { WorkdayStart = new TimeOnly(9, 0) }));
        Assert.NotEqual(scope, DaySeal.ScopeOf(utc, settings with { Workdays = new HashSet<DayOfWeek> { DayOfWeek.Monday } }));
    }

    private static DaySeal ThroughSealJson(Reporting.Rollups.DayRollup day, ReportSettings settings)
    {
        var seal = new DaySeal(
            DaySeal.CurrentSchemaVersion, DaySeal.ScopeOf(GoldenMonth.Period, settings), GoldenMonth.Period.TimeZoneId, day.Date,
            new Dictionary<string, long> { [day.Date.ToString("yyyy-MM-dd")] = 7 }, SealedAt, day.Count, day.Digest, null, null, day.Rollup);
        return DaySeal.FromUtf8Json(seal.ToUtf8Json());
    }

    /// <summary>Every figure of an aggregate as JSON, its period (a time zone object) aside.</summary>
    private static string Figures(MonthlyAggregate aggregate) => JsonSerializer.Serialize(aggregate, WithoutPeriod);

    private static readonly JsonSerializerOptions WithoutPeriod = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type == typeof(MonthlyAggregate))
                    {
                        foreach (var property in info.Properties.Where(p => p.Name is "Period" or "Month").ToList())
                        {
                            info.Properties.Remove(property);
                        }
                    }
                },
            },
        },
    };
}
