namespace ComplianceReports.Domain.Collection;

/// <summary>How the collector walks PrivX's audit events through time.</summary>
/// <param name="CollectFrom">Where a collector without a checkpoint starts.</param>
/// <param name="Overlap">How far each window reaches back before the checkpoint, for events PrivX indexed late.</param>
/// <param name="SafetyLag">How far behind now a window ends, so events still being indexed are not passed.</param>
/// <param name="WindowLength">The longest window: short enough that its pages are fetched well within a run.</param>
/// <param name="TimeBudget">How long one run starts new windows; the next run resumes from the checkpoint.</param>
public sealed record CollectionSchedule(DateTimeOffset CollectFrom, TimeSpan Overlap, TimeSpan SafetyLag, TimeSpan WindowLength, TimeSpan TimeBudget)
{
    public static readonly TimeSpan DefaultCollectFromAgo = TimeSpan.FromHours(24);
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultSafetyLag = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultWindowLength = TimeSpan.FromHours(3);
    public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromMinutes(4);

    /// <summary>Why the schedule cannot make progress, or <c>null</c>. A window no longer than the overlap would never move the checkpoint.</summary>
    public string? Refusal() =>
        Overlap < TimeSpan.Zero ? "PrivX__Overlap must not be negative"
        : SafetyLag < TimeSpan.Zero ? "PrivX__SafetyLag must not be negative"
        : WindowLength <= Overlap ? "PrivX__WindowLength must be longer than PrivX__Overlap, else no window moves the checkpoint"
        : TimeBudget <= TimeSpan.Zero ? "PrivX__TimeBudget must be positive"
        : null;
}
