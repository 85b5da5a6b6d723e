using ComplianceReports.Domain.Alerts;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Pipeline.Reviews;
using ComplianceReports.Storage.Alerts;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Pipeline.Alerts;

/// <summary>
/// The alert timer's run: first the causes only a clock can see (silence, poison queues that grew,
/// overdue reports and reviews), then every pending signal grouped, capped and sent (<see cref="AlertRules"/>).
/// </summary>
public sealed class AlertMonitoring(
    AlertStore store,
    Alerting alerting,
    AlertChannels channels,
    QueueDepths depths,
    PoisonStore poisoned,
    ReportScheduling scheduling,
    ReportReviewing reviewing,
    NotificationOptions options,
    TimeProvider clock)
{
    /// <summary>
    /// Reviews fall due days after a version, and finding them reads every manifest: looked for once
    /// an hour, not on every run.
    /// </summary>
    public static readonly TimeSpan ReviewCheckInterval = TimeSpan.FromHours(1);

    private const string ReviewsCheckedAt = "reviews-checked-at";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await WatchAsync(cancellationToken);
        await DispatchAsync(cancellationToken);
    }

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (source, services) = await store.ReadSeenAsync(cancellationToken);
        foreach (var silence in SilenceRules.Check(source, services, options.SilenceAfter, now))
        {
            await alerting.RaiseAsync(silence, cancellationToken);
        }
        // A poisoned message moves from its poison queue into the poison store within a minute: it is
        // counted in either place, so its move is no growth and it is alerted once.
        var held = (await poisoned.SummarizeAsync(cancellationToken)).ByQueue;
        foreach (var origin in PoisonQueues.Sources)
        {
            var queue = QueueNames.Poison(origin);
            var depth = (await depths.CountAsync(queue, cancellationToken) ?? 0) + held.GetValueOrDefault(origin);
            var known = await store.ReadCounterAsync(queue, cancellationToken) ?? 0;
            if (depth > known)
            {
                await alerting.RaiseAsync(AlertSignal.Poisoned(queue, depth - known, now), cancellationToken);
            }
            if (depth != known)
            {
                await store.WriteCounterAsync(queue, depth, cancellationToken);
            }
        }
        foreach (var (month, dueAt) in await scheduling.OverdueAsync(options.ReportOverdueAfter, cancellationToken))
        {
            await alerting.RaiseAsync(AlertSignal.ReportOverdue(month.ToString(), dueAt), cancellationToken);
        }
        if (await store.ReadCounterAsync(ReviewsCheckedAt, cancellationToken) is not { } checkedAt || Math.Abs(now.UtcTicks - checkedAt) >= ReviewCheckInterval.Ticks)
        {
            foreach (var version in await reviewing.UnreviewedVersionsAsync(now, cancellationToken))
            {
                await alerting.RaiseAsync(AlertSignal.ReviewOverdue(version.Month, version.Version, version.GeneratedAt), cancellationToken);
            }
            await store.WriteCounterAsync(ReviewsCheckedAt, now.UtcTicks, cancellationToken);
        }
    }

    /// <summary>Sends what the rules say is ready; returns the alerts sent.</summary>
    public async Task<IReadOnlyList<Alert>> DispatchAsync(CancellationToken cancellationToken)
    {
        var pending = await store.PendingAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow();
        var plan = AlertRules.Plan(pending, await store.CountSentSinceAsync(now - TimeSpan.FromHours(1), cancellationToken), options.Policy, now);
        var sent = new List<Alert>();
        foreach (var (alert, signals) in plan.Send)
        {
            if (await channels.SendAsync(alert, cancellationToken))
            {
                await store.RecordSentAsync(alert, signals, cancellationToken);
                sent.Add(alert);
            }
        }
        return sent;
    }
}
