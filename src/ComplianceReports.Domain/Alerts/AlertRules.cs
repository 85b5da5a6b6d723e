namespace ComplianceReports.Domain.Alerts;

/// <summary>
/// How signals become alerts. Signals of one kind are grouped while they keep coming: a group goes out
/// once it has been quiet for <see cref="Quiet"/>, or at the latest <see cref="MaxWait"/> after its first
/// signal, so a burst gives one alert, sent within a minute. At most <see cref="MaxPerHour"/> alerts go
/// out in any hour; the rest wait, and go out grouped when the hour allows: nothing is dropped.
/// </summary>
public sealed record AlertPolicy(TimeSpan Quiet, TimeSpan MaxWait, int MaxPerHour)
{
    public static readonly TimeSpan DefaultQuiet = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(40);
    public const int DefaultMaxPerHour = 12;
}

/// <summary>An alert to send, with the signals it answers, and the signals that wait for a later run.</summary>
public sealed record AlertPlan(IReadOnlyList<(Alert Alert, IReadOnlyList<PendingSignal> Signals)> Send, IReadOnlyList<PendingSignal> Waiting);

public static class AlertRules
{
    /// <param name="pending">Every signal raised and not yet alerted; each cause at most once (the store keeps causes).</param>
    /// <param name="sentInLastHour">Alerts sent in the hour before <paramref name="now"/>.</param>
    public static AlertPlan Plan(IReadOnlyCollection<PendingSignal> pending, int sentInLastHour, AlertPolicy policy, DateTimeOffset now)
    {
        var budget = Math.Max(0, policy.MaxPerHour - sentInLastHour);
        var send = new List<(Alert, IReadOnlyList<PendingSignal>)>();
        var waiting = new List<PendingSignal>();
        var groups = pending
            .GroupBy(signal => signal.Signal.Kind)
            .OrderBy(group => group.Min(signal => signal.RaisedAt))
            .ThenBy(group => group.Key);
        foreach (var group in groups)
        {
            var signals = group.ToList();
            var ready = now - signals.Max(signal => signal.RaisedAt) >= policy.Quiet || now - signals.Min(signal => signal.RaisedAt) >= policy.MaxWait;
            if (ready && send.Count < budget)
            {
                send.Add((Group(group.Key, signals, now), signals));
            }
            else
            {
                waiting.AddRange(signals);
            }
        }
        return new AlertPlan(send, waiting);
    }

    private static Alert Group(AlertKind kind, IReadOnlyList<PendingSignal> signals, DateTimeOffset now)
    {
        var subjects = signals
            .Select(pending => pending.Signal)
            .GroupBy(signal => signal.Subject, StringComparer.Ordinal)
            .OrderBy(subject => subject.Key, StringComparer.Ordinal)
            .Select(subject => new AlertSubject(subject.Key, subject.Sum(signal => signal.Count), subject.Select(signal => signal.Detail).LastOrDefault(detail => detail is not null)))
            .ToList();
        return new Alert(
            kind,
            now,
            signals.Min(pending => pending.Signal.At),
            signals.Max(pending => pending.Signal.At),
            signals.Sum(pending => pending.Signal.Count),
            subjects);
    }
}

public static class SilenceRules
{
    /// <summary>
    /// The silences to signal: the whole source when nothing arrived for <paramref name="after"/>, which
    /// says it for every service at once; otherwise each service heard before and silent since.
    /// </summary>
    /// <param name="sourceLastSeen">When anything last arrived; <c>null</c> if nothing ever did, which is no silence to report.</param>
    public static IReadOnlyList<AlertSignal> Check(
        DateTimeOffset? sourceLastSeen, IReadOnlyDictionary<string, DateTimeOffset> serviceLastSeen, TimeSpan after, DateTimeOffset now)
    {
        if (sourceLastSeen is not { } source)
        {
            return [];
        }
        if (now - source >= after)
        {
            return [AlertSignal.SourceSilent(source)];
        }
        return serviceLastSeen
            .Where(service => now - service.Value >= after)
            .OrderBy(service => service.Key, StringComparer.Ordinal)
            .Select(service => AlertSignal.ServiceSilent(service.Key, service.Value))
            .ToList();
    }
}
