using ComplianceReports.Domain.Collection;
using ComplianceReports.Domain.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReports.Domain.Tests.Collection;

/// <summary>Window after window from the checkpoint: reaching back by the overlap, stopping short of now by the safety lag, within a time budget.</summary>
public sealed class PlanningCollectionWindows
{
    private static readonly DateTimeOffset Now = new(2026, 10, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly CollectionSchedule Schedule = new(
        CollectFrom: Now.AddHours(-24),
        Overlap: TimeSpan.FromMinutes(10),
        SafetyLag: TimeSpan.FromMinutes(1),
        WindowLength: TimeSpan.FromHours(3),
        TimeBudget: TimeSpan.FromMinutes(4));

    [Fact]
    public void A_first_run_starts_at_collect_from_without_reaching_back()
    {
        var run = CollectionRun.Start(Schedule, checkpoint: null, new FakeTimeProvider(Now));

        Assert.Equal(new CollectionWindow(Now.AddHours(-24), Now.AddHours(-21)), run.Next());
    }

    [Fact]
    public void Each_later_window_starts_the_overlap_before_the_checkpoint()
    {
        var run = CollectionRun.Start(Schedule, checkpoint: Now.AddHours(-5), new FakeTimeProvider(Now));

        var first = run.Next()!.Value;
        run.Completed(first);
        var second = run.Next()!.Value;

        Assert.Equal(new CollectionWindow(Now.AddHours(-5).AddMinutes(-10), Now.AddHours(-2).AddMinutes(-10)), first);
        Assert.Equal(new CollectionWindow(first.End.AddMinutes(-10), Now.AddMinutes(-1)), second);
    }

    [Fact]
    public void A_run_stops_at_the_horizon_fixed_when_it_started_however_the_clock_moves()
    {
        var clock = new FakeTimeProvider(Now);
        var run = CollectionRun.Start(Schedule, checkpoint: Now.AddMinutes(-30), clock);

        var window = run.Next()!.Value;
        clock.Advance(TimeSpan.FromMinutes(2));
        run.Completed(window);

        Assert.Equal(Now.AddMinutes(-1), window.End);
        Assert.True(run.CaughtUp);
        Assert.Null(run.Next());
    }

    [Fact]
    public void A_run_after_downtime_catches_up_in_whole_windows_until_it_spends_its_budget()
    {
        var clock = new FakeTimeProvider(Now);
        var run = CollectionRun.Start(Schedule, checkpoint: Now.AddDays(-3), clock);

        var windows = new List<CollectionWindow>();
        while (run.Next() is { } window)
        {
            windows.Add(window);
            clock.Advance(TimeSpan.FromSeconds(50));
            run.Completed(window);
        }

        Assert.Equal(5, windows.Count);
        Assert.All(windows, window => Assert.Equal(TimeSpan.FromHours(3), window.End - window.Start));
        Assert.True(run.BudgetSpent);
        Assert.False(run.CaughtUp);
        Assert.Equal(windows[^1].End, run.Checkpoint);
    }

    [Fact]
    public void A_checkpoint_within_the_safety_lag_of_now_means_nothing_to_fetch()
    {
        var run = CollectionRun.Start(Schedule, checkpoint: Now.AddSeconds(-30), new FakeTimeProvider(Now));

        Assert.Null(run.Next());
        Assert.True(run.CaughtUp);
    }

    [Fact]
    public void The_checkpoint_never_moves_back()
    {
        var run = CollectionRun.Start(Schedule, checkpoint: Now.AddHours(-1), new FakeTimeProvider(Now));

        run.Completed(new CollectionWindow(Now.AddHours(-3), Now.AddHours(-2)));

        Assert.Equal(Now.AddHours(-1), run.Checkpoint);
    }

    [Theory]
    [InlineData(10, 10, "PrivX__WindowLength must be longer than PrivX__Overlap, else no window moves the checkpoint")]
    [InlineData(10, 11, null)]
    public void A_window_no_longer_than_the_overlap_is_refused(int overlapMinutes, int windowMinutes, string? refusal)
    {
        var schedule = Schedule with { Overlap = TimeSpan.FromMinutes(overlapMinutes), WindowLength = TimeSpan.FromMinutes(windowMinutes) };

        Assert.Equal(refusal, schedule.Refusal());
    }

    [Fact]
    public void A_re_collection_span_is_cut_into_windows_that_cover_it_exactly()
    {
        var from = new DateTimeOffset(2026, 10, 31, 22, 0, 0, TimeSpan.Zero);

        var windows = CollectionWindow.Cover(from, from.AddHours(7), TimeSpan.FromHours(3)).ToList();

        Assert.Equal([new(from, from.AddHours(3)), new(from.AddHours(3), from.AddHours(6)), new(from.AddHours(6), from.AddHours(7))], windows);
    }

    [Fact]
    public void A_page_batch_id_names_instance_window_and_page_and_is_a_batch_id_with_room_for_the_message_number()
    {
        var window = new CollectionWindow(new DateTimeOffset(2026, 10, 31, 23, 50, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 2, 50, 0, TimeSpan.FromHours(0)));

        var prefix = window.PageBatchPrefix("privx-prod-eu-west-1-0123456789a", 12);

        Assert.Equal("privx.privx-prod-eu-west-1-0123456789a.20261031T235000000Z.20261101T025000000Z.p00012", prefix);
        Assert.True(IngestEnvelope.IsValidBatchId(prefix + "-00001"));
        Assert.True(IngestEnvelope.IsValidBatchId(prefix + "-export"));
    }

    [Fact]
    public void Failures_in_a_row_keep_the_time_the_outage_began_and_a_success_clears_it()
    {
        var first = CollectorRunOutcome.Failure(Now, 0, 0, "PrivX refused", previous: CollectorRunOutcome.Success(Now.AddMinutes(-5), 3, 1, true));
        var second = CollectorRunOutcome.Failure(Now.AddMinutes(5), 0, 0, "PrivX refused", previous: first);
        var recovered = CollectorRunOutcome.Success(Now.AddMinutes(10), 7, 1, true);

        Assert.Equal(Now, first.FailingSince);
        Assert.Equal(Now, second.FailingSince);
        Assert.Null(recovered.FailingSince);
    }
}
