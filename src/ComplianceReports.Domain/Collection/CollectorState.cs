namespace ComplianceReports.Domain.Collection;

/// <summary>
/// What one collector run came to, kept beside the checkpoint: what <c>compliance status</c> shows and
/// what an alert is raised from. <paramref name="FailingSince"/> is the first failed run of an unbroken
/// series (<c>null</c> after a success), so an alert can be raised once per outage, not once per run.
/// </summary>
/// <param name="Error">The failure's one line, for a failed run; never holds a secret.</param>
public sealed record CollectorRunOutcome(
    DateTimeOffset RanAt,
    bool Succeeded,
    int Events,
    int Windows,
    bool CaughtUp,
    string? Error,
    DateTimeOffset? FailingSince)
{
    public static CollectorRunOutcome Success(DateTimeOffset ranAt, int events, int windows, bool caughtUp) =>
        new(ranAt, true, events, windows, caughtUp, null, null);

    /// <summary>A failure, continuing the outage of <paramref name="previous"/> if that run failed too.</summary>
    public static CollectorRunOutcome Failure(DateTimeOffset ranAt, int events, int windows, string error, CollectorRunOutcome? previous) =>
        new(ranAt, false, events, windows, false, error, previous is { Succeeded: false, FailingSince: { } since } ? since : ranAt);
}

/// <summary>One PrivX instance's collector: how far it has fetched, and its last run.</summary>
public sealed record CollectorState(string Instance, DateTimeOffset? Checkpoint, CollectorRunOutcome? LastRun);
