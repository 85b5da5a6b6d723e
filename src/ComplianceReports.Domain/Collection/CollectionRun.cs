namespace ComplianceReports.Domain.Collection;

/// <summary>
/// One timer run's walk from the checkpoint towards now: window after window, each reaching back by
/// the overlap, until it has caught up with the horizon fixed when the run started (now less the
/// safety lag) or spent its time budget. The caller fetches a window whole and puts it on the queue
/// before <see cref="Completed"/> moves the checkpoint, so the checkpoint never passes an event not fetched.
/// </summary>
public sealed class CollectionRun
{
    private readonly CollectionSchedule schedule;
    private readonly TimeProvider clock;
    private readonly DateTimeOffset startedAt;

    private CollectionRun(CollectionSchedule schedule, DateTimeOffset? checkpoint, TimeProvider clock)
    {
        this.schedule = schedule;
        this.clock = clock;
        startedAt = clock.GetUtcNow();
        Horizon = startedAt - schedule.SafetyLag;
        Checkpoint = checkpoint;
    }

    public static CollectionRun Start(CollectionSchedule schedule, DateTimeOffset? checkpoint, TimeProvider clock) => new(schedule, checkpoint, clock);

    /// <summary>Where this run stops: a run that kept going would chase a horizon moving with the clock.</summary>
    public DateTimeOffset Horizon { get; }

    /// <summary>Every event created up to here has been fetched and queued (less what the overlap re-fetches).</summary>
    public DateTimeOffset? Checkpoint { get; private set; }

    public bool CaughtUp => (Checkpoint ?? schedule.CollectFrom) >= Horizon;

    public bool BudgetSpent => clock.GetUtcNow() - startedAt >= schedule.TimeBudget;

    /// <summary>The next window to fetch, or <c>null</c> when the run has caught up or spent its budget.</summary>
    public CollectionWindow? Next()
    {
        if (CaughtUp || BudgetSpent)
        {
            return null;
        }
        var start = Checkpoint is { } checkpoint ? checkpoint - schedule.Overlap : schedule.CollectFrom;
        var end = start + schedule.WindowLength;
        return new CollectionWindow(start, end < Horizon ? end : Horizon);
    }

    /// <summary>The window's every page is on the queue: the checkpoint moves to its end, never back.</summary>
    public void Completed(CollectionWindow window)
    {
        if (Checkpoint is not { } checkpoint || window.End > checkpoint)
        {
            Checkpoint = window.End;
        }
    }
}
