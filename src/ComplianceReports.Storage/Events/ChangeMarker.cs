using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Storage.Events;

/// <summary>
/// "This UTC month (or day) may have changed." <paramref name="Sequence"/> grows by one on every touch
/// and is what scheduling and sealing compare: a touch that lands after a version read the markers
/// always shows as a higher sequence, whatever any clock says. <paramref name="LastTouchedAt"/> is for people.
/// </summary>
/// <param name="Sequence">1 after the first touch; never moves backwards.</param>
/// <param name="LastTouchedAt">The latest touch by the toucher's clock; never moves backwards either.</param>
public sealed record ChangeMarker(long Sequence, DateTimeOffset LastTouchedAt);

/// <summary>A period's markers: its UTC months', and those of the UTC days (<c>yyyy-MM-dd</c>) it touches; a missing marker is sequence 0.</summary>
public sealed record PeriodMarkers(IReadOnlyDictionary<Month, ChangeMarker> Months, IReadOnlyDictionary<string, ChangeMarker> Days)
{
    public long MonthSequence(Month month) => Months.GetValueOrDefault(month)?.Sequence ?? 0;

    public long DaySequence(string utcDay) => Days.GetValueOrDefault(utcDay)?.Sequence ?? 0;
}
