using ComplianceReports.Domain.Alerts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Alerts;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Alerts;

/// <summary>
/// Where causes are raised: ingestion, report generation, the collector, reviews. A raised signal waits
/// in the store until <see cref="AlertMonitoring"/> groups and sends it, within a minute; a cause
/// raised twice is alerted once.
/// </summary>
public sealed partial class Alerting(AlertStore store, TimeProvider clock, ILogger<Alerting> logger)
{
    public Task RaiseAsync(AlertSignal signal, CancellationToken cancellationToken) => RaiseAsync([signal], cancellationToken);

    private async Task RaiseAsync(IReadOnlyList<AlertSignal> signals, CancellationToken cancellationToken)
    {
        foreach (var signal in await store.RaiseAsync(signals, clock.GetUtcNow(), cancellationToken))
        {
            LogRaised(signal.Kind, signal.Subject, signal.Count);
        }
    }

    /// <summary>For the PrivX collector: one failed attempt, named by <paramref name="attemptId"/> (such as its scheduled time), is one alert.</summary>
    /// <param name="reason">A short reason such as an HTTP status or exception type; never a response body.</param>
    public Task CollectorFailedAsync(string collector, string attemptId, string reason, CancellationToken cancellationToken) =>
        RaiseAsync(AlertSignal.CollectorFailed(collector, attemptId, reason, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// What a part of a queue message brought: a signal per finding event (new or already stored: a
    /// finding signalled before is not signalled again, and one whose first attempt failed after storing
    /// it still is), one for its quarantined items, and the services heard from.
    /// </summary>
    /// <param name="firstPosition">The part's first item in the message: each part of an export is a cause of its own.</param>
    public async Task IngestedAsync(IReadOnlyCollection<AuditEvent> events, string messageId, int firstPosition, int quarantined, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var signals = events
            .Where(auditEvent => auditEvent.Facts.Finding)
            .Select(finding => AlertSignal.Finding(finding.Code, finding.Facts.Name, finding.Identity, finding.OccurredAt))
            .ToList();
        if (quarantined > 0)
        {
            signals.Add(AlertSignal.Quarantined(messageId, firstPosition, quarantined, now));
        }
        if (signals.Count > 0)
        {
            await RaiseAsync(signals, cancellationToken);
        }
        if (events.Count > 0)
        {
            await store.RecordSeenAsync(events.Select(auditEvent => auditEvent.Facts.Service).OfType<string>(), now, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert raised: {Kind} {Subject} ({Count})")]
    private partial void LogRaised(AlertKind kind, string subject, long count);
}
