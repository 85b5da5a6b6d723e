using System.Runtime.CompilerServices;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class AggregatingAMonth
{
    private static readonly Month October = new(2026, 10);

    private static readonly AuditEvent[] ThreeEvents =
    [
        At(Utc(2026, 10, 1), 301, "first"),
        At(Utc(2026, 10, 15, 12), 302, "second"),
        At(Utc(2026, 10, 31, 23, 59, 59), 301, "third"),
    ];

    private static MonthlyAggregate Aggregate(Month month, IEnumerable<AuditEvent> events)
    {
        using var aggregator = new MonthlyAggregator(month);
        foreach (var auditEvent in events)
        {
            aggregator.Add(auditEvent);
        }
        return aggregator.Complete();
    }

    private static async IAsyncEnumerable<AuditEvent> Stream(
        IEnumerable<AuditEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var auditEvent in events)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return auditEvent;
        }
    }

    [Fact]
    public void Events_are_counted_in_total_and_by_code()
    {
        var aggregate = Aggregate(October, ThreeEvents);

        Assert.Equal(October, aggregate.Month);
        Assert.Equal(3, aggregate.EventCount);
        Assert.Equal(new Dictionary<int, long> { [301] = 2, [302] = 1 }, aggregate.CountsByCode);
    }

    [Fact]
    public void An_empty_month_has_no_counts_and_the_digest_of_nothing()
    {
        var aggregate = Aggregate(October, []);

        Assert.Equal(0, aggregate.EventCount);
        Assert.Empty(aggregate.CountsByCode);
        Assert.Equal(Sha256Hex([]), aggregate.EventDigest);
    }

    [Fact]
    public void The_digest_is_that_of_the_months_event_set()
    {
        var aggregate = Aggregate(October, ThreeEvents);

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
    public void An_event_of_another_month_is_refused(int year, int month, int day, int hour, int minute, int second)
    {
        using var aggregator = new MonthlyAggregator(October);

        var error = Assert.Throws<ArgumentException>(() => aggregator.Add(At(Utc(year, month, day, hour, minute, second))));
        Assert.Contains("2026-10", error.Message);
    }

    [Fact]
    public void A_refused_event_is_not_counted()
    {
        using var aggregator = new MonthlyAggregator(October);
        aggregator.Add(ThreeEvents[0]);
        Assert.Throws<ArgumentException>(() => aggregator.Add(At(Utc(2026, 11, 1))));

        var aggregate = aggregator.Complete();
        Assert.Equal(1, aggregate.EventCount);
        Assert.Equal(Aggregate(October, [ThreeEvents[0]]).EventDigest, aggregate.EventDigest);
    }

    [Fact]
    public void Events_out_of_order_are_refused()
    {
        using var aggregator = new MonthlyAggregator(October);
        aggregator.Add(ThreeEvents[1]);

        Assert.Throws<InvalidOperationException>(() => aggregator.Add(ThreeEvents[0]));
    }

    [Fact]
    public async Task An_async_stream_aggregates_like_the_same_events_added_one_by_one()
    {
        var fromStream = await MonthlyAggregator.AggregateAsync(October, Stream(ThreeEvents), CancellationToken.None);
        var oneByOne = Aggregate(October, ThreeEvents);

        Assert.Equal(3, fromStream.EventCount);
        Assert.Equal(oneByOne.CountsByCode, fromStream.CountsByCode);
        Assert.Equal(oneByOne.EventDigest, fromStream.EventDigest);
    }

    [Fact]
    public async Task An_async_stream_with_an_event_of_another_month_is_refused()
    {
        AuditEvent[] events = [ThreeEvents[0], At(Utc(2026, 11, 2))];

        await Assert.ThrowsAsync<ArgumentException>(
            () => MonthlyAggregator.AggregateAsync(October, Stream(events), CancellationToken.None));
    }

    [Fact]
    public async Task Cancellation_reaches_the_stream()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => MonthlyAggregator.AggregateAsync(October, Stream(ThreeEvents), cancellation.Token));
    }

    [Fact]
    public void The_same_events_give_the_same_digest()
    {
        var first = Aggregate(October, ThreeEvents);
        var second = Aggregate(October, ThreeEvents.Select(e => new AuditEvent(e.OccurredAt, e.Code, e.Identity, e.RawJson)));

        Assert.Equal(first.EventDigest, second.EventDigest);
    }

    [Fact]
    public void One_more_event_gives_a_different_digest()
    {
        var three = Aggregate(October, ThreeEvents);
        var four = Aggregate(October, [.. ThreeEvents, At(Utc(2026, 10, 31, 23, 59, 59).AddTicks(1), 301, "fourth")]);

        Assert.NotEqual(three.EventDigest, four.EventDigest);
        Assert.Equal(4, four.EventCount);
    }

    [Fact]
    public void Another_identity_at_the_same_time_gives_a_different_digest()
    {
        AuditEvent[] changed = [ThreeEvents[0], ThreeEvents[1], At(ThreeEvents[2].OccurredAt, 301, "other")];

        Assert.NotEqual(Aggregate(October, ThreeEvents).EventDigest, Aggregate(October, changed).EventDigest);
    }
}
