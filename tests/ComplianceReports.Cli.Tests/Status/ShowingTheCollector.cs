using ComplianceReports.Cli.Commands;
using ComplianceReports.Domain.Collection;

namespace ComplianceReports.Cli.Tests.Status;

/// <summary>The status line of a PrivX collector: checkpoint, lag, last run, and a failure's one line.</summary>
public sealed class ShowingTheCollector
{
    private static readonly DateTimeOffset Now = new(2026, 10, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_collector_that_caught_up_shows_its_checkpoint_lag_and_last_run()
    {
        var state = new CollectorState("privx", Now.AddMinutes(-1).AddSeconds(-4), CollectorRunOutcome.Success(Now.AddSeconds(-30), 120, 1, caughtUp: true));

        Assert.Equal(
            "collector privx: checkpoint 2026-10-02 11:58:56 UTC, lag 1 min 4 s, last run 2026-10-02 11:59:30 UTC succeeded (120 events in 1 windows, caught up)",
            StatusCommand.CollectorLine(state, Now));
    }

    [Fact]
    public void A_failing_collector_shows_since_when_and_the_error_in_one_line()
    {
        var first = CollectorRunOutcome.Failure(Now.AddHours(-2), 0, 0, "PrivX at https://privx.example.com/ refused the API client's credentials (401 invalid_grant)", previous: null);
        var latest = CollectorRunOutcome.Failure(Now.AddMinutes(-5), 0, 0, first.Error!, first);
        var state = new CollectorState("privx", Now.AddDays(-1).AddHours(-3), latest);

        Assert.Equal(
            "collector privx: checkpoint 2026-10-01 09:00:00 UTC, lag 1 d 3 h, last run 2026-10-02 11:55:00 UTC failed (failing since 2026-10-02 10:00:00 UTC): "
            + "PrivX at https://privx.example.com/ refused the API client's credentials (401 invalid_grant)",
            StatusCommand.CollectorLine(state, Now));
    }

    [Fact]
    public void A_collector_that_never_ran_says_so()
    {
        Assert.Equal("collector privx: checkpoint none yet, lag unknown, last run none yet", StatusCommand.CollectorLine(new CollectorState("privx", null, null), Now));
    }
}
