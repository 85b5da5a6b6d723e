using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>When the set starts and ends, which days are silent, and which PrivX services spoke.</summary>
internal sealed class CoverageProjection(ReportPeriod period) : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        var coverage = day.Coverage;
        coverage.First ??= projected.Event.OccurredAt;
        coverage.Last = projected.Event.OccurredAt;
        if (projected.Facts.Service is { } service && !coverage.Services.Contains(service))
        {
            coverage.Services.Add(service);
        }
    }

    public Coverage Complete(Rollup month, IReadOnlyList<DayRollup> days, PeriodFigures previous, long quarantined)
    {
        var withEvents = days.Where(day => day.Count > 0).Select(day => day.Date).ToHashSet();
        var services = month.Coverage.Services.Order(StringComparer.Ordinal).ToList();
        return new(
            month.Coverage.First,
            month.Coverage.Last,
            period.Days.Where(day => !withEvents.Contains(day)).ToList(),
            services,
            previous.Services.Where(service => !services.Contains(service)).Order(StringComparer.Ordinal).ToList(),
            quarantined);
    }
}
