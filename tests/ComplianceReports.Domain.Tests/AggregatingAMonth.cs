using System.Runtime.CompilerServices;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>The aggregator's contract on small UTC months: the set it keeps, its digest, the order it needs.</summary>
public class AggregatingAMonth
{
    private static readonly ReportPeriod October = new(new Month(2026, 10), TimeZoneInfo.Utc);

    private static readonly DateTimeOffset Cutoff = Utc(2026, 11, 2);

    private static readonly AuditEvent[] ThreeEvents =
    [
        At(Utc(2026, 10, 1), 301, "first"),
        At(Utc(2026, 10, 15, 12), 302, "second"),
        At(Utc(2026, 10, 31, 23, 59, 59), 301, "third"),
    ];

    private static MonthlyAggregator Aggregator() => new(October, Cutoff, ReportSettings.Default);

    /// <summary>Each event stored a minute after it happened, well before the cutoff.</summary>
    private static MonthlyAggregate Aggregate(IEnumerable<AuditEvent> events)
    {
        using var aggregator = Aggregator();
        foreach (var auditEvent in events)
        {
            aggregator.Add(auditEvent, auditEvent.OccurredAt.AddMinutes(1));
        }
        return aggregator.Complete(PeriodFigures.None, 0);
    }

    private static async IAsyncEnumerable<(AuditEvent, DateTimeOffset)> Stream(
        IEnumerable<AuditEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var auditEvent in events)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return (auditEvent, auditEvent.OccurredAt.AddMinutes(1));
        }
    }

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
    public void An_empty_month_has_no_counts_the_digest_of_nothing_and_every_day_quiet()
    {
        var aggregate = Aggregate([]);

        Assert.Equal(0, aggregate.EventCount);
        Assert.Empty(aggregate.CountsByCode);
        Assert.All(aggregate.CountsByCategory.Values, count => Assert.Equal(0, count));
        Assert.Equal(10, aggregate.CountsByCategory.Count);
        Assert.Equal(Sha256Hex([]), aggregate.EventDigest);
        Assert.Null(aggregate.Coverage.FirstEvent);
        Assert.Null(aggregate.Coverage.LastEvent);
        Assert.Equal(31, aggregate.Coverage.DaysWithoutEvents.Count);
        Assert.Empty(aggregate.Coverage.ServicesSeen);
        Assert.Equal(0, aggregate.Logins.FailureRate);
        Assert.Empty(aggregate.KeyEvents.Events);
        Assert.Equal(0, aggregate.KeyEvents.NotListed);
    }

    [Fact]
    public void The_digest_is_that_of_the_months_event_set()
    {
        var aggregate = Aggregate(ThreeEvents);

        var rows = string.Concat(
            $"2026-10-01T00:00:00.0000000Z\t{ThreeEvents[0].Identity}\n",
            $"2026-10-15T12:00:00.0000000Z\t{ThreeEvents[1].Identity}\n",
            $"2026-10-31T23:59:59.0000000Z\t{ThreeEvents[2].Identity}\n");
        Assert.Equal(Sha256Hex(rows), aggregate.EventDigest);
    }

    [Theory]
    [InlineData(2026, 9, 30, 23, 59, 59)]
    [InlineData(2026, 11, 1, 0, 0, 0)]
    [InlineData(2025, 10, 15, 0, 0, 0)]
    public void An_event_of_another_month_is_passed_over(int year, int month, int day, int hour, int minute, int second)
    {
        using var aggregator = Aggregator();
        var other = At(Utc(year, month, day, hour, minute, second));

        Assert.False(aggregator.Add(other, other.OccurredAt));
        var aggregate = aggregator.Complete(PeriodFigures.None, 0);
        Assert.Equal(0, aggregate.EventCount);
        Assert.Equal(Sha256Hex([]), aggregate.EventDigest);
    }

    [Fact]
    public void An_event_stored_after_the_cutoff_is_passed_over_and_one_stored_at_it_is_kept()
    {
        using var aggregator = Aggregator();

        Assert.True(aggregator.Add(ThreeEvents[0], Cutoff));
        Assert.False(aggregator.Add(ThreeEvents[1], Cutoff.AddTicks(1)));
        Assert.True(aggregator.Add(ThreeEvents[2], Cutoff.AddTicks(-1)));

        var aggregate = aggregator.Complete(PeriodFigures.None, 0);
        Assert.Equal(2, aggregate.EventCount);
        Assert.Equal(Aggregate([ThreeEvents[0], ThreeEvents[2]]).EventDigest, aggregate.EventDigest);
    }

    [Fact]
    public void A_passed_over_event_is_not_counted()
    {
        using var aggregator = Aggregator();
        aggregator.Add(ThreeEvents[0], Utc(2026, 10, 1));
        aggregator.Add(At(Utc(2026, 11, 1)), Utc(2026, 11, 1));

        var aggregate = aggregator.Complete(PeriodFigures.None, 0);
        Assert.Equal(1, aggregate.EventCount);
        Assert.Equal(Aggregate([ThreeEvents[0]]).EventDigest, aggregate.EventDigest);
    }

    [Fact]
    public void Events_out_of_order_are_refused()
    {
        using var aggregator = Aggregator();
        aggregator.Add(ThreeEvents[1], Cutoff);

        Assert.Throws<InvalidOperationException>(() => aggregator.Add(ThreeEvents[0], Cutoff));
    }

    [Fact]
    public void Reading_the_digest_ends_the_pass()
    {
        using var aggregator = Aggregator();
        aggregator.Add(ThreeEvents[0], Cutoff);
        _ = aggregator.Digest;

        Assert.Throws<InvalidOperationException>(() => aggregator.Add(ThreeEvents[1], Cutoff));
    }

    [Fact]
    public async Task Recomputing_the_digest_from_a_stream_gives_the_aggregates()
    {
        var (count, digest) = await EventSetDigest.OfAsync(October, Cutoff, Stream(ThreeEvents), CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(Aggregate(ThreeEvents).EventDigest, digest);
    }

    [Fact]
    public async Task Recomputing_the_digest_passes_over_events_of_another_month()
    {
        AuditEvent[] events = [At(Utc(2026, 9, 30, 23), 301, "before"), .. ThreeEvents, At(Utc(2026, 11, 2), 301, "after")];

        var (count, digest) = await EventSetDigest.OfAsync(October, Cutoff, Stream(events), CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(Aggregate(ThreeEvents).EventDigest, digest);
    }

    [Fact]
    public async Task Cancellation_reaches_the_stream()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => EventSetDigest.OfAsync(October, Cutoff, Stream(ThreeEvents), cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => PeriodFigures.CountAsync(October, Cutoff, Stream(ThreeEvents), cancellation.Token));
    }

    [Fact]
    public async Task The_previous_periods_figures_count_its_categories_and_services()
    {
        AuditEvent[] events =
        [
            .. ThreeEvents.Take(2),
            new AuditEvent(Utc(2026, 10, 20), 100, new string('c', 64), "{}", EventFacts.FromCatalog(100, service: "auth")),
            At(Utc(2026, 11, 1), 100, "next month"),
        ];

        var figures = await PeriodFigures.CountAsync(October, Cutoff, Stream(events), CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["sessions"] = 2, ["logins"] = 1 }, figures.CountsByCategory);
        Assert.Equal(["auth"], figures.Services);
    }

    [Fact]
    public void The_same_events_give_the_same_digest()
    {
        var first = Aggregate(ThreeEvents);
        var second = Aggregate(ThreeEvents.Select(e => new AuditEvent(e.OccurredAt, e.Code, e.Identity, e.RawJson)));

        Assert.Equal(first.EventDigest, second.EventDigest);
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
}
