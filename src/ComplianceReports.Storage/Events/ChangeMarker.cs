using System.Globalization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Storage.Events;

/// <summary>
/// "This UTC month (or day, or hour) may have changed." <paramref name="Sequence"/> grows by one on every touch
/// and is what scheduling and sealing compare: a touch that lands after a version read the markers
/// always shows as a higher sequence, whatever any clock says. <paramref name="LastTouchedAt"/> is for people.
/// </summary>
/// <param name="Sequence">1 after the first touch; never moves backwards.</param>
/// <param name="LastTouchedAt">The latest touch by the toucher's clock; never moves backwards either.</param>
public sealed record ChangeMarker(long Sequence, DateTimeOffset LastTouchedAt);

/// <summary>
/// A period's markers: its UTC months', those of the UTC days (<c>yyyy-MM-dd</c>) it touches, and
/// those of their UTC hours (<c>yyyy-MM-ddTHH</c>); a missing marker is sequence 0.
/// </summary>
public sealed record PeriodMarkers(
    IReadOnlyDictionary<Month, ChangeMarker> Months, IReadOnlyDictionary<string, ChangeMarker> Days, IReadOnlyDictionary<string, ChangeMarker> Hours)
{
    public long MonthSequence(Month month) => Months.GetValueOrDefault(month)?.Sequence ?? 0;

    public long DaySequence(string utcDay) => Days.GetValueOrDefault(utcDay)?.Sequence ?? 0;

    /// <summary>
    /// The sequences of every UTC day and UTC hour that <c>[fromUtc, toUtc)</c> touches, keyed as the
    /// store keys them: what a seal of that span records, to tell later what changed since.
    /// </summary>
    public Dictionary<string, long> SequencesOf(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var hour in MarkerKeys.HoursOf(fromUtc, toUtc))
        {
            var (day, key) = (MarkerKeys.Day(hour), MarkerKeys.Hour(hour));
            sequences[day] = DaySequence(day);
            sequences[key] = HourSequence(key);
        }
        return sequences;
    }

    private long HourSequence(string utcHour) => Hours.GetValueOrDefault(utcHour)?.Sequence ?? 0;

    /// <summary>
    /// The parts of <c>[fromUtc, toUtc)</c> whose UTC hours have other sequences now than
    /// <paramref name="sealedAt"/> records (an hour it does not record counts as changed), as ranges
    /// in time order, adjacent hours joined: what must be read again, while the rest stands as sealed.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset FromUtc, DateTimeOffset ToUtc)> ChangedSince(
        IReadOnlyDictionary<string, long> sealedAt, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var changed = new List<(DateTimeOffset FromUtc, DateTimeOffset ToUtc)>();
        foreach (var hour in MarkerKeys.HoursOf(fromUtc, toUtc))
        {
            var key = MarkerKeys.Hour(hour);
            if (sealedAt.TryGetValue(key, out var sequence) && sequence == HourSequence(key))
            {
                continue;
            }
            var (start, end) = (hour > fromUtc ? hour : fromUtc, hour.AddHours(1) < toUtc ? hour.AddHours(1) : toUtc);
            if (changed.Count > 0 && changed[^1].ToUtc == start)
            {
                changed[^1] = (changed[^1].FromUtc, end);
            }
            else
            {
                changed.Add((start, end));
            }
        }
        return changed;
    }
}

/// <summary>The change markers' row keys: <c>yyyy-MM</c>, <c>yyyy-MM-dd</c> and <c>yyyy-MM-ddTHH</c> of UTC.</summary>
internal static class MarkerKeys
{
    public static string Day(DateTimeOffset instant) => EventKeys.PartitionKey(instant);

    public static string Hour(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    public static bool IsHour(string key) => key.Length == 13 && key[10] == 'T';

    /// <summary>The start of every UTC hour that <c>[fromUtc, toUtc)</c> touches.</summary>
    public static IEnumerable<DateTimeOffset> HoursOf(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var utc = fromUtc.ToUniversalTime();
        for (var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero); hour < toUtc; hour = hour.AddHours(1))
        {
            yield return hour;
        }
    }
}
