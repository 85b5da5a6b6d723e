using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.EventSets;

/// <summary>
/// What one report version covers: the events of its period in the report's zone that it read from
/// the store, exactly those, by identity. Membership is what was read, never a time predicate, so no
/// clock, retry or copy of the table can change it afterwards. The set is composed of its days: each
/// read afresh (<see cref="Day"/>) or taken from a seal, as a <see cref="DayRollup"/>. It owns the
/// digest composed by day, the aggregate, and what it adds to the version before it.
/// </summary>
public sealed class EventSet : IDisposable
{
    private readonly MonthlyAggregator aggregator;
    private readonly SortedDictionary<DateOnly, DayRollup> days = [];
    private DaySet? streaming;
    private EventSetDigests? digests;

    public EventSet(ReportPeriod period, ReportSettings settings)
    {
        Period = period;
        Settings = settings;
        aggregator = new MonthlyAggregator(period, settings);
    }

    public ReportPeriod Period { get; }

    public ReportSettings Settings { get; }

    /// <summary>The days taken in so far, in date order; a day being streamed ends with this read.</summary>
    public IReadOnlyList<DayRollup> Days
    {
        get
        {
            CloseStreamingDay();
            return [.. days.Values];
        }
    }

    /// <summary>A reader for one day of the period; its <see cref="DaySet.Complete"/> is what <see cref="Add(DayRollup)"/> takes.</summary>
    public DaySet Day(DateOnly date) => new(Period, aggregator, date);

    /// <summary>Takes in a day, read afresh or sealed before; each day once, in any order.</summary>
    public void Add(DayRollup day)
    {
        ThrowIfComplete();
        if (!Period.Days.Contains(day.Date))
        {
            throw new ArgumentException($"{day.Date:yyyy-MM-dd} is not a day of {Period.Month}.", nameof(day));
        }
        if (!days.TryAdd(day.Date, day))
        {
            throw new InvalidOperationException($"{day.Date:yyyy-MM-dd} is in the set already.");
        }
    }

    /// <summary>
    /// Takes a stored event into the set if it falls in the period, and returns its evidence row, else
    /// <c>null</c>: for a caller reading the whole period in store order, day after day.
    /// </summary>
    /// <param name="keyIdentity">The identity in the event's key, as the store holds it.</param>
    public EvidenceRow? Add(AuditEvent auditEvent, DateTimeOffset ingestedAt, string keyIdentity)
    {
        ThrowIfComplete();
        if (!Period.Contains(auditEvent.OccurredAt))
        {
            return null;
        }
        var date = Period.LocalDay(auditEvent.OccurredAt);
        if (streaming?.Date != date)
        {
            if (streaming is not null && date < streaming.Date)
            {
                throw new InvalidOperationException("Events must reach the set in store order, day after day.");
            }
            CloseStreamingDay();
            streaming = Day(date);
        }
        return streaming.Add(auditEvent, ingestedAt, keyIdentity);
    }

    /// <summary>The day digests and the version digest; reading them ends the set.</summary>
    public EventSetDigests Digests
    {
        get
        {
            if (digests is null)
            {
                CloseStreamingDay();
                digests = EventSetDigests.Of(Period, days.Values.Select(day => new DayDigest(day.Date, day.Count, day.Digest)));
            }
            return digests;
        }
    }

    /// <summary>Whether this set needs a version of its own: it differs from the latest one, or there is none.</summary>
    public bool IsNewAgainst(PublishedSet? latest) =>
        latest is null || latest.EventDigest != Digests.Digest || latest.TimeZone != Period.TimeZoneId;

    public MonthlyAggregate Complete(PeriodFigures previous, long quarantined)
    {
        var composed = Digests;
        return aggregator.Complete(Days, previous, quarantined, composed);
    }

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

    public void Dispose() => streaming?.Dispose();

    private void CloseStreamingDay()
    {
        if (streaming is not null)
        {
            if (days.Count > 0 && days.Keys.Max() >= streaming.Date)
            {
                throw new InvalidOperationException("Events must reach the set in store order, day after day.");
            }
            Add(streaming.Complete());
            streaming.Dispose();
            streaming = null;
        }
    }

    private void ThrowIfComplete()
    {
        if (digests is not null)
        {
            throw new InvalidOperationException("The set is complete: its digest has been read.");
        }
    }
}

/// <summary>
/// One day of a version's set, read from the store in store order: its evidence rows, its day digest
/// and its rollup. Days are independent, so they can be read side by side and sealed one by one.
/// </summary>
public sealed class DaySet : IDisposable
{
    private readonly ReportPeriod period;
    private readonly MonthlyAggregator aggregator;
    private readonly DayDigestBuilder digest;
    private readonly Rollup rollup = new();
    private (DateTimeOffset Time, string Identity)? last;

    internal DaySet(ReportPeriod period, MonthlyAggregator aggregator, DateOnly date)
    {
        this.period = period;
        this.aggregator = aggregator;
        digest = new DayDigestBuilder(date);
    }

    public DateOnly Date => digest.Date;

    /// <summary>
    /// Takes a stored event of this day and returns its evidence row; an event of another day gives
    /// <c>null</c>. An event whose raw item no longer gives the identity it was stored under is
    /// refused: a report is never signed over a changed store.
    /// </summary>
    public EvidenceRow? Add(AuditEvent auditEvent, DateTimeOffset ingestedAt, string keyIdentity)
    {
        if (!period.Contains(auditEvent.OccurredAt))
        {
            return null;
        }
        var local = period.ToLocal(auditEvent.OccurredAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (day != Date)
        {
            return null;
        }
        var row = EvidenceRow.From(auditEvent, ingestedAt, day);
        if (row.Identity != auditEvent.Identity || row.Identity != keyIdentity)
        {
            throw new EventSetIntegrityException(
                $"the stored event at {EvidenceRow.Utc(auditEvent.OccurredAt)} is keyed {keyIdentity} with identity {auditEvent.Identity}, but its raw item gives {row.Identity}: the event store was changed");
        }
        Take(row, auditEvent, local);
        return row;
    }

    /// <summary>
    /// Takes a row of this day as a seal holds it, in place of its stored event: the seal's chunk is
    /// checked by its SHA-256, and its rows were derived and checked from the store when it was sealed.
    /// </summary>
    public void AddSealed(EvidenceRow row)
    {
        var local = period.ToLocal(row.OccurredAt);
        if (row.Day != Date || DateOnly.FromDateTime(local.DateTime) != Date)
        {
            throw new ArgumentException($"The sealed row at {EvidenceRow.Utc(row.OccurredAt)} is not of {Date:yyyy-MM-dd}.", nameof(row));
        }
        Take(row, new AuditEvent(row.OccurredAt, row.Code, row.Identity, row.Raw, row.Facts), local);
    }

    private void Take(EvidenceRow row, AuditEvent auditEvent, DateTimeOffset local)
    {
        // The store hands events out in key order; checking it here keeps the digest honest without holding the day.
        if (last is { } previous && EvidenceRow.Compare(previous.Time, previous.Identity, row.OccurredAt, row.Identity) >= 0)
        {
            throw new InvalidOperationException("Events must reach the set in ascending (time, identity) order, each once.");
        }
        last = (row.OccurredAt, row.Identity);
        digest.Add(row);
        aggregator.Add(auditEvent, local, rollup);
    }

    public DayRollup Complete()
    {
        var day = digest.Complete();
        return new DayRollup(day.Date, day.Count, day.Digest, rollup);
    }

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
