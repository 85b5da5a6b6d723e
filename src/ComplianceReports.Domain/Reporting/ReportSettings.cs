namespace ComplianceReports.Domain.Reporting;

/// <summary>How reports are made: read once from configuration, handed down.</summary>
/// <param name="Organisation">Shown on the cover.</param>
/// <param name="Instance">The PrivX instance the report covers, shown on the cover; <c>null</c> for all.</param>
/// <param name="TimeZone">Decides month boundaries and local times in the report; keys stay UTC.</param>
/// <param name="WorkdayStart">Logins before this local time, or at or after <paramref name="WorkdayEnd"/>, or on other days, are off-hours.</param>
/// <param name="TopCount">Rows in each "top N" table.</param>
/// <param name="MaxListedEvents">Events listed by name in each section and the appendix; the evidence file has them all.</param>
public sealed record ReportSettings(
    string Organisation,
    string? Instance,
    TimeZoneInfo TimeZone,
    TimeOnly WorkdayStart,
    TimeOnly WorkdayEnd,
    IReadOnlySet<DayOfWeek> Workdays,
    int TopCount = 10,
    int MaxListedEvents = 500)
{
    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    public static ReportSettings Default { get; } =
        new("Your organisation", null, TimeZoneInfo.Utc, new TimeOnly(8, 0), new TimeOnly(18, 0), MondayToFriday);

    public bool IsWorkingTime(DateTimeOffset local) =>
        Workdays.Contains(local.DayOfWeek) && TimeOnly.FromTimeSpan(local.TimeOfDay) is var time && time >= WorkdayStart && time < WorkdayEnd;
}
