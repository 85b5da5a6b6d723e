namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>When the set starts and ends, which days are silent, and which PrivX services spoke.</summary>
internal sealed class CoverageProjection(ReportPeriod period) : IProjection
{
    private readonly HashSet<DateOnly> daysWithEvents = [];
    private readonly SortedSet<string> services = new(StringComparer.Ordinal);
    private DateTimeOffset? first;
    private DateTimeOffset? last;


    public void Add(in ProjectedEvent projected)
    {
        first ??= projected.Event.OccurredAt;
        last = projected.Event.OccurredAt;
        daysWithEvents.Add(projected.Day);
        if (projected.Facts.Service is { } service)
        {
            services.Add(service);
        }
    }

    public Coverage Complete(PeriodFigures previous, long quarantined) =>
        new(
            first,
            last,
            period.Days.Where(day => !daysWithEvents.Contains(day)).ToList(),
            [.. services],
            previous.Services.Where(service => !services.Contains(service)).Order(StringComparer.Ordinal).ToList(),
            quarantined);
}
