using ComplianceReports.Pipeline.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>One report request per caller and month within ReportRequestInterval.</summary>
public class LimitingReportRequests
{
    private static readonly Caller Alice = new("alice@example.com", "a", new HashSet<string>());
    private static readonly Caller Bob = new("bob@example.com", "b", new HashSet<string>());

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_second_request_for_the_same_month_waits_out_the_interval()
    {
        var limiter = Limiter(TimeSpan.FromMinutes(1));

        Assert.True(limiter.TryAcquire(Alice, "2026-10", out _));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(limiter.TryAcquire(Alice, "2026-10", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.True(limiter.TryAcquire(Alice, "2026-10", out _));
    }

    [Fact]
    public void Another_month_or_another_caller_has_a_turn_of_its_own()
    {
        var limiter = Limiter(TimeSpan.FromMinutes(1));

        Assert.True(limiter.TryAcquire(Alice, "2026-10", out _));
        Assert.True(limiter.TryAcquire(Alice, "2026-09", out _));
        Assert.True(limiter.TryAcquire(Bob, "2026-10", out _));
    }

    [Fact]
    public void An_interval_of_zero_limits_nothing()
    {
        var limiter = Limiter(TimeSpan.Zero);

        Assert.True(limiter.TryAcquire(Alice, "2026-10", out _));
        Assert.True(limiter.TryAcquire(Alice, "2026-10", out _));
    }

    private ReportRequestLimiter Limiter(TimeSpan interval) =>
        new(new HttpAccessOptions(CallerTrust.Platform, true, new HashSet<string>(), interval), clock);
}
