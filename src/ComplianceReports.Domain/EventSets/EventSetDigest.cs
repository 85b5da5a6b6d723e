using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.EventSets;

/// <summary>One day of the report's zone: how many events the set holds on it, and their digest.</summary>
/// <param name="Digest">SHA-256 over the day's digest lines in set order; of no bytes for a day without events.</param>
public sealed record DayDigest(DateOnly Date, long Count, string Digest)
{
    public static readonly string EmptyDigest = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary><c>yyyy-MM-dd TAB count TAB day-digest LF</c>: what the version digest hashes.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd}\t{Count}\t{Digest}\n");
}

/// <summary>A set's digest, composed by day: every day of the period, in order, and the digest over their lines.</summary>
public sealed record EventSetDigests(IReadOnlyList<DayDigest> Days, string Digest)
{
    public long Count => Days.Sum(day => day.Count);

    public static string Compose(IEnumerable<DayDigest> days) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(days.Select(day => day.Line)))));

    /// <summary>Every day of the period, in order, those without a digest as days without events, and the version digest over them.</summary>
    public static EventSetDigests Of(ReportPeriod period, IEnumerable<DayDigest> known)
    {
        var byDate = known.ToDictionary(digest => digest.Date);
        var days = period.Days.Select(date => byDate.GetValueOrDefault(date) ?? new DayDigest(date, 0, DayDigest.EmptyDigest)).ToList();
        return new EventSetDigests(days, Compose(days));
    }
}

/// <summary>
/// Digests an event set while it streams past in set order, holding one day's hash at a time. The
/// day digests are the unit a later version can reuse; the version digest only composes them.
/// </summary>
public sealed class EventSetDigest(ReportPeriod period) : IDisposable
{
    private readonly List<DayDigest> completed = [];
    private DayDigestBuilder? day;
    private (DateTimeOffset Time, string Identity)? last;

    public void Add(EvidenceRow row)
    {
        // The store hands events out in key order; checking it here keeps the digest honest without holding the set.
        if (last is { } previous && EvidenceRow.Compare(previous.Time, previous.Identity, row.OccurredAt, row.Identity) >= 0)
        {
            throw new InvalidOperationException("Events must reach the digest in ascending (time, identity) order, each once.");
        }
        if (!period.Contains(row.OccurredAt))
        {
            throw new ArgumentException($"The event at {EvidenceRow.Utc(row.OccurredAt)} is outside {period.Month}.", nameof(row));
        }
        last = (row.OccurredAt, row.Identity);
        if (day?.Date != row.Day)
        {
            CloseDay();
            day = new DayDigestBuilder(row.Day);
        }
        day.Add(row);
    }

    /// <summary>Every day of the period, those without events included, and the version digest over them.</summary>
    public EventSetDigests Complete()
    {
        CloseDay();
        return EventSetDigests.Of(period, completed);
    }

    public void Dispose() => day?.Dispose();

    private void CloseDay()
    {
        if (day is not null)
        {
            completed.Add(day.Complete());
            day.Dispose();
        }
        day = null;
    }
}

/// <summary>One day's digest over its rows' digest lines, in the order they are added.</summary>
public sealed class DayDigestBuilder(DateOnly date) : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long count;

    public DateOnly Date => date;

    public void Add(EvidenceRow row)
    {
        count++;
        hash.AppendData(Encoding.UTF8.GetBytes(row.DigestLine));
    }

    public DayDigest Complete() => new(date, count, Convert.ToHexStringLower(hash.GetHashAndReset()));

    public void Dispose() => hash.Dispose();
}
