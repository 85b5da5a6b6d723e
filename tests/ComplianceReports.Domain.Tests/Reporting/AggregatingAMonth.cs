using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>The event set's contract on small UTC months: what it keeps, its digest, the order it needs.</summary>
public class AggregatingAMonth
{
    private static readonly ReportPeriod October = new(new Month(2026, 10), TimeZoneInfo.Utc);

    private static readonly AuditEvent[] ThreeEvents =
    [
        At(Utc(2026, 10, 1), 301, "first"),
        At(Utc(2026, 10, 15, 12), 302, "second"),
        At(Utc(2026, 10, 31, 23, 59, 59), 301, "third"),
    ];

    private static EventSet Set() => new(October, ReportSettings.Default);

    private static MonthlyAggregate Aggregate(IEnumerable<AuditEvent> events) => Sets.Aggregate(October, events);

    [Fact]
    public void Events_are_counted_in_total_by_code_and_by_category()
    {
        var aggregate = Aggregate(ThreeEvents);

        Assert.Equal(new Month(2026, 10), aggregate.Month);
        Assert.Equal(3, aggregate.EventCount);
        Assert.Equal(new Dictionary<int, long> { [301] = 2, [302] = 1 }, aggregate.CountsByCode);
        Assert.Equal(CatalogCategories.All.Select(c => c.Id).Order(), aggregate.CountsByCategory.Keys.Order());
        Assert.Equal(3, aggregate.CountsByCategory["sessions"]);
        Assert.Equal(0, aggregate.CountsByCategory.Where(pair => pair.Key != "sessions").Sum(pair => pair.Value));
    }

    [Fact]
    public void An_empty_month_has_no_counts_every_day_quiet_and_the_digest_over_its_empty_days()
    {
        var aggregate = Aggregate([]);

        Assert.Equal(0, aggregate.EventCount);
        Assert.Empty(aggregate.CountsByCode);
        Assert.All(aggregate.CountsByCategory.Values, count => Assert.Equal(0, count));
        Assert.Equal(10, aggregate.CountsByCategory.Count);
        Assert.Equal(DigestScheme.Of(2026, 10, TimeZoneInfo.Utc, []).Digest, aggregate.EventDigest);
        Assert.All(aggregate.Days, day => Assert.Equal(DigestScheme.OfNoBytes, day.Digest));
        Assert.Null(aggregate.Coverage.FirstEvent);
        Assert.Null(aggregate.Coverage.LastEvent);
        Assert.Equal(31, aggregate.Coverage.DaysWithoutEvents.Count);
        Assert.Empty(aggregate.Coverage.ServicesSeen);
        Assert.Equal(0, aggregate.Logins.FailureRate);
        Assert.Empty(aggregate.KeyEvents.Events);
        Assert.Equal(0, aggregate.KeyEvents.NotListed);
        Assert.Empty(aggregate.CatalogVersions);
    }

    [Fact]
    public void The_digest_is_that_of_the_months_event_set()
    {
        var aggregate = Aggregate(ThreeEvents);

        Assert.Equal(DigestScheme.Of(2026, 10, TimeZoneInfo.Utc, ThreeEvents).Digest, aggregate.EventDigest);
        Assert.Equal([1L, 1, 1], aggregate.Days.Where(day => day.Count > 0).Select(day => day.Count));
        Assert.Equal([1, 15, 31], aggregate.Days.Where(day => day.Count > 0).Select(day => day.Date.Day));
    }

    [Theory]
    [InlineData(2026, 9, 30, 23, 59, 59)]
    [InlineData(2026, 11, 1, 0, 0, 0)]
    [InlineData(2025, 10, 15, 0, 0, 0)]
    public void An_event_of_another_month_is_passed_over(int year, int month, int day, int hour, int minute, int second)
    {
        using var set = Set();
        var other = At(Utc(year, month, day, hour, minute, second));

        Assert.Null(set.Add(other, other.OccurredAt, other.Identity));
        var aggregate = set.Complete(PeriodFigures.None, 0);
        Assert.Equal(0, aggregate.EventCount);
        Assert.Equal(Aggregate([]).EventDigest, aggregate.EventDigest);
    }

    [Fact]
    public void An_event_read_is_in_the_set_whenever_it_was_stored()
    {
        // No time predicate decides membership: a host clock hours off, or a transaction that landed late, changes nothing.
        using var set = Set();

        Assert.NotNull(set.Add(ThreeEvents[0], ThreeEvents[0].OccurredAt.AddHours(-5), ThreeEvents[0].Identity));
        Assert.NotNull(set.Add(ThreeEvents[1], Utc(2027, 1, 1), ThreeEvents[1].Identity));
        Assert.NotNull(set.Add(ThreeEvents[2], ThreeEvents[2].OccurredAt, ThreeEvents[2].Identity));

        var aggregate = set.Complete(PeriodFigures.None, 0);
        Assert.Equal(3, aggregate.EventCount);
        Assert.Equal(Aggregate(ThreeEvents).EventDigest, aggregate.EventDigest);
    }

    [Fact]
    public void The_time_an_event_was_stored_is_in_its_evidence_row_but_not_in_the_digest()
    {
        using var early = Set();
        using var late = Set();
        var row = early.Add(ThreeEvents[0], Utc(2026, 10, 1), ThreeEvents[0].Identity);
        late.Add(ThreeEvents[0], Utc(2026, 12, 24), ThreeEvents[0].Identity);

        Assert.Equal(Utc(2026, 10, 1), row!.IngestedAt);
        Assert.Equal(early.Digests.Digest, late.Digests.Digest);
        Assert.Equal(early.Digests.Days, late.Digests.Days);
    }

    [Fact]
    public void A_passed_over_event_is_not_counted()
    {
        using var set = Set();
        set.Add(ThreeEvents[0], Utc(2026, 10, 1), ThreeEvents[0].Identity);
        var next = At(Utc(2026, 11, 1));
        set.Add(next, Utc(2026, 11, 1), next.Identity);

        var aggregate = set.Complete(PeriodFigures.None, 0);
        Assert.Equal(1, aggregate.EventCount);
        Assert.Equal(Aggregate([ThreeEvents[0]]).EventDigest, aggregate.EventDigest);
    }

    [Fact]
    public void Events_out_of_order_are_refused()
    {
        using var set = Set();
        set.Add(ThreeEvents[1], Utc(2026, 11, 1), ThreeEvents[1].Identity);

        Assert.Throws<InvalidOperationException>(() => set.Add(ThreeEvents[0], Utc(2026, 11, 1), ThreeEvents[0].Identity));
    }

    [Fact]
    public void Reading_the_digest_ends_the_set()
    {
        using var set = Set();
        set.Add(ThreeEvents[0], Utc(2026, 11, 1), ThreeEvents[0].Identity);
        _ = set.Digests;

        Assert.Throws<InvalidOperationException>(() => set.Add(ThreeEvents[1], Utc(2026, 11, 1), ThreeEvents[1].Identity));
    }

    [Fact]
    public void Recomputing_the_digest_from_the_sets_evidence_rows_gives_the_aggregates()
    {
        var rows = Sets.Rows(October, ThreeEvents);
        using var digest = new EventSetDigest(October);
        rows.ForEach(digest.Add);

        var recomputed = digest.Complete();
        Assert.Equal(3, recomputed.Count);
        Assert.Equal(Aggregate(ThreeEvents).EventDigest, recomputed.Digest);
    }

    [Fact]
    public void Events_of_another_month_leave_the_digest_as_it_is()
    {
        AuditEvent[] events = [At(Utc(2026, 9, 30, 23), 301, "before"), .. ThreeEvents, At(Utc(2026, 11, 2), 301, "after")];

        var rows = Sets.Rows(October, events);

        Assert.Equal(ThreeEvents.Select(e => e.Identity), rows.Select(row => row.Identity));
        Assert.Equal(Aggregate(ThreeEvents).EventDigest, Aggregate(events).EventDigest);
    }

    [Fact]
    public async Task Cancellation_reaches_the_stream()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            var file = await Sets.EvidenceFileAsync(Sets.Rows(October, ThreeEvents));
            await foreach (var _ in EvidenceCsv.ReadAsync(new MemoryStream(file), cancellation.Token))
            {
            }
        });
    }

    [Fact]
    public void The_previous_periods_figures_count_its_categories_and_services()
    {
        AuditEvent[] events =
        [
            .. ThreeEvents.Take(2),
            PrivXEventParser.ParseItem(PrivXItems.Json("""{"event_id":"100","created":"2026-10-20T00:00:00Z","service_name":"auth"}""")),
            At(Utc(2026, 11, 1), 100, "next month"),
        ];

        using var set = new EventSet(October, ReportSettings.Default);
        foreach (var auditEvent in events)
        {
            set.Add(auditEvent, auditEvent.OccurredAt, auditEvent.Identity);
        }
        var figures = PeriodFigures.Of(set.Days);

        Assert.Equal(new Dictionary<string, long> { ["sessions"] = 2, ["logins"] = 1 }, figures.CountsByCategory);
        Assert.Equal(["auth"], figures.Services);
        Assert.Equal("its events as stored: it has no report", figures.Source);
    }

    [Fact]
    public void The_same_events_give_the_same_digest()
    {
        var first = Aggregate(ThreeEvents);
        var second = Aggregate(ThreeEvents.Select(e => PrivXEventParser.ParseItem(Json(e.RawJson))));

        Assert.Equal(first.EventDigest, second.EventDigest);
        Assert.Equal(first.Days, second.Days);
    }

    [Fact]
    public void One_more_event_gives_a_different_digest()
    {
        var three = Aggregate(ThreeEvents);
        var four = Aggregate([.. ThreeEvents, At(Utc(2026, 10, 31, 23, 59, 59).AddTicks(1), 301, "fourth")]);

        Assert.NotEqual(three.EventDigest, four.EventDigest);
        Assert.Equal(4, four.EventCount);
    }

    [Fact]
    public void Another_identity_at_the_same_time_gives_a_different_digest()
    {
        AuditEvent[] changed = [ThreeEvents[0], ThreeEvents[1], At(ThreeEvents[2].OccurredAt, 301, "other")];

        Assert.NotEqual(Aggregate(ThreeEvents).EventDigest, Aggregate(changed).EventDigest);
    }

    [Fact]
    public void Another_stored_fact_gives_a_different_digest_and_changes_only_its_day()
    {
        var original = Aggregate(ThreeEvents);
        var relabelled = ThreeEvents[1] with { Facts = ThreeEvents[1].Facts with { Category = "access" } };

        var changed = Aggregate([ThreeEvents[0], relabelled, ThreeEvents[2]]);

        Assert.NotEqual(original.EventDigest, changed.EventDigest);
        Assert.Equal(
            [new DateOnly(2026, 10, 15)],
            original.Days.Zip(changed.Days).Where(pair => pair.First != pair.Second).Select(pair => pair.First.Date));
    }
}
