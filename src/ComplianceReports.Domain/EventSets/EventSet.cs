using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.EventSets;

/// <summary>
/// What one report version covers: the events of its period in the report's zone that it read from
/// the store, exactly those, by identity. Membership is what was read, never a time predicate, so no
/// clock, retry or copy of the table can change it afterwards. The set owns its evidence rows, its
/// digest composed by day, its aggregate, and what it adds to the version before it.
/// </summary>
public sealed class EventSet : IDisposable
{
    private readonly MonthlyAggregator aggregator;
    private readonly EventSetDigest digest;
    private EventSetDigests? digests;

    public EventSet(ReportPeriod period, ReportSettings settings)
    {
        Period = period;
        aggregator = new MonthlyAggregator(period, settings);
        digest = new EventSetDigest(period);
    }

    public ReportPeriod Period { get; }

    /// <summary>
    /// Takes a stored event into the set if it falls in the period, and returns its evidence row, else
    /// <c>null</c>. Events must come in store order. An event whose raw item no longer gives the
    /// identity it was stored under is refused: a report is never signed over a changed store.
    /// </summary>
    /// <param name="keyIdentity">The identity in the event's key, as the store holds it.</param>
    public EvidenceRow? Add(AuditEvent auditEvent, DateTimeOffset ingestedAt, string keyIdentity)
    {
        if (digests is not null)
        {
            throw new InvalidOperationException("The set is complete: its digest has been read.");
        }
        if (!Period.Contains(auditEvent.OccurredAt))
        {
            return null;
        }
        var local = Period.ToLocal(auditEvent.OccurredAt);
        var row = EvidenceRow.From(auditEvent, ingestedAt, DateOnly.FromDateTime(local.DateTime));
        if (row.Identity != auditEvent.Identity || row.Identity != keyIdentity)
        {
            throw new EventSetIntegrityException(
                $"the stored event at {EvidenceRow.Utc(auditEvent.OccurredAt)} is keyed {keyIdentity} with identity {auditEvent.Identity}, but its raw item gives {row.Identity}: the event store was changed");
        }
        digest.Add(row);
        aggregator.Add(auditEvent, local);
        return row;
    }

    /// <summary>The day digests and the version digest; reading them ends the set.</summary>
    public EventSetDigests Digests => digests ??= digest.Complete();

    /// <summary>Whether this set needs a version of its own: it differs from the latest one, or there is none.</summary>
    public bool IsNewAgainst(PublishedSet? latest) =>
        latest is null || latest.EventDigest != Digests.Digest || latest.TimeZone != Period.TimeZoneId;

    public MonthlyAggregate Complete(PeriodFigures previous, long quarantined) => aggregator.Complete(previous, quarantined, Digests);

    /// <summary>
    /// Events only ever arrive, so what a later version adds is the difference of the two sets' counts;
    /// the earlier counts are those its version published.
    /// </summary>
    public static VersionChange ChangeSince(PublishedSet latest, MonthlyAggregate aggregate) =>
        new(
            latest.Version,
            latest.EventCount,
            aggregate.EventCount - latest.EventCount,
            aggregate.CountsByCategory
                .Select(pair => (pair.Key, Added: pair.Value - latest.CountsByCategory.GetValueOrDefault(pair.Key)))
                .Where(pair => pair.Added != 0)
                .ToDictionary(pair => pair.Key, pair => pair.Added));

    public void Dispose() => digest.Dispose();
}

/// <summary>A published version as a later one sees it: the figures it compares with.</summary>
public sealed record PublishedSet(
    string Month,
    int Version,
    long EventCount,
    string EventDigest,
    string TimeZone,
    IReadOnlyDictionary<string, long> CountsByCategory,
    IReadOnlyList<string> Services);
