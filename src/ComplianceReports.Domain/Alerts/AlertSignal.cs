using System.Globalization;

namespace ComplianceReports.Domain.Alerts;

/// <summary>
/// One cause of an alert. <see cref="Cause"/> names the cause itself (a finding's event identity, a
/// request id, a silence since a time), so a cause signalled twice, by a redelivery or a repeated check,
/// is alerted once. Signals carry codes, names, times and counts, never an event's payload.
/// </summary>
/// <param name="Subject">What it is about, e.g. the code <c>1006</c>, a service, a queue or a month; signals are counted by subject within an alert.</param>
/// <param name="At">When the cause happened (an event's time, when a silence began).</param>
/// <param name="Detail">A short fact about the subject: a catalog name, a reason; never a payload.</param>
public sealed record AlertSignal(AlertKind Kind, string Cause, string Subject, long Count, DateTimeOffset At, string? Detail = null)
{
    public static AlertSignal Finding(int code, string name, string identity, DateTimeOffset occurredAt) =>
        new(AlertKind.Finding, $"finding:{identity}", code.ToString(CultureInfo.InvariantCulture), 1, occurredAt, name);

    /// <param name="messageId">With <paramref name="firstPosition"/>, the items' place: a redelivered message quarantines the same items again, one alert for them.</param>
    public static AlertSignal Quarantined(string messageId, int firstPosition, int count, DateTimeOffset at) =>
        new(AlertKind.Quarantine, string.Create(CultureInfo.InvariantCulture, $"quarantine:{messageId}:{firstPosition}"), "quarantined items", count, at);

    public static AlertSignal Poisoned(string queue, long added, DateTimeOffset seenAt) =>
        new(AlertKind.Poison, $"poison:{queue}:{Ticks(seenAt)}", queue, added, seenAt);

    /// <summary>One alert per silence: the service heard again and silent again is a new cause.</summary>
    public static AlertSignal ServiceSilent(string service, DateTimeOffset lastSeen) =>
        new(AlertKind.ServiceSilent, $"silent:{service}:{Ticks(lastSeen)}", service, 1, lastSeen, $"last heard {Time(lastSeen)}");

    public static AlertSignal SourceSilent(DateTimeOffset lastSeen) =>
        new(AlertKind.SourceSilent, $"source-silent:{Ticks(lastSeen)}", "PrivX", 1, lastSeen, $"last heard {Time(lastSeen)}");

    /// <param name="attemptId">What names the failed attempt, such as its scheduled time: one alert per attempt, however often it is reported.</param>
    /// <param name="reason">A short reason, e.g. the HTTP status or exception type; never a response body.</param>
    public static AlertSignal CollectorFailed(string collector, string attemptId, string reason, DateTimeOffset at) =>
        new(AlertKind.CollectorFailed, $"collector:{collector}:{attemptId}", collector, 1, at, reason);

    public static AlertSignal ReportOverdue(string month, DateTimeOffset dueAt) =>
        new(AlertKind.ReportOverdue, $"report-overdue:{month}", month, 1, dueAt, $"due {Time(dueAt)}");

    /// <summary>One alert per request, however many times the queue retries it.</summary>
    public static AlertSignal ReportFailed(string month, string requestId, string reason, DateTimeOffset at) =>
        new(AlertKind.ReportFailed, $"report-failed:{requestId}", month, 1, at, reason);

    public static AlertSignal ReviewOverdue(string month, int version, DateTimeOffset generatedAt) =>
        new(AlertKind.ReviewOverdue, string.Create(CultureInfo.InvariantCulture, $"review-overdue:{month}:v{version}"),
            string.Create(CultureInfo.InvariantCulture, $"{month} version {version}"), 1, generatedAt, $"generated {Time(generatedAt)}");

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>A signal as recorded, with when it was raised: grouping waits on that, not on the cause's own time.</summary>
public sealed record PendingSignal(AlertSignal Signal, DateTimeOffset RaisedAt);
