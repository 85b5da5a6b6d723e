using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>An event of the set as every projection sees it: its stored facts, and where it falls in the report's zone.</summary>
internal readonly record struct ProjectedEvent(AuditEvent Event, DateTimeOffset Local, DateOnly Day)
{
    public const string UnknownUser = "(no user)";
    public const string UnknownAddress = "(no address)";
    public const string UnknownObject = "(not named)";

    public EventFacts Facts => Event.Facts;

    public int Code => Event.Code;

    public string User => Facts.User ?? UnknownUser;

    public ListedEvent Listed() =>
        new(Event.OccurredAt, Code, Facts.Name, Facts.Category, Facts.User, Facts.SourceAddress, Facts.Object, Facts.Details, Facts.Finding);
}

/// <summary>
/// One small piece of the report: it folds each event of a day, in set order, into that day's
/// rollup, and later reads its section off the month's merged rollup.
/// </summary>
internal interface IProjection
{
    void Add(in ProjectedEvent projected, Rollup day);
}

internal static class Daily
{
    /// <summary>One figure per day of the period, zero for a day without a rollup.</summary>
    public static List<DailyCount> PerDay(this IReadOnlyList<DayRollup> days, ReportPeriod period, Func<Rollup, long> figure)
    {
        var byDate = days.ToDictionary(day => day.Date);
        return period.Days.Select(date => new DailyCount(date, byDate.TryGetValue(date, out var day) ? figure(day.Rollup) : 0)).ToList();
    }
}
