using ComplianceReports.Domain.EventSets;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// Every figure of one period's event set. A report version adds only its number, generation time
/// and what changed since the version before.
/// </summary>
/// <param name="CountsByCategory">By the category each event was stored with, for every catalog category, zero or not.</param>
/// <param name="Days">Each day of the period in the report's zone: its event count and day digest.</param>
/// <param name="Codes">Every code with events, with the name its events were stored with.</param>
/// <param name="CatalogVersions">The catalog versions that decided the set's facts.</param>
/// <param name="PreviousMonthSource">What the month-over-month figures come from: a version of the previous month's report, or its events as stored.</param>
public sealed record MonthlyAggregate(
    ReportPeriod Period,
    long EventCount,
    IReadOnlyDictionary<int, long> CountsByCode,
    IReadOnlyDictionary<string, long> CountsByCategory,
    string EventDigest,
    IReadOnlyList<DayDigest> Days,
    IReadOnlyList<CodeCount> Codes,
    IReadOnlyList<string> CatalogVersions,
    IReadOnlyList<CategoryCount> Categories,
    IReadOnlyList<Finding> Findings,
    Coverage Coverage,
    LoginSection Logins,
    SecretsSection Secrets,
    ConfigurationSection Configuration,
    IReadOnlyList<CategorySection> OtherCategories,
    IReadOnlyList<CodeCount> UnknownEvents,
    IReadOnlyList<ControlEvidence> Controls,
    EventList KeyEvents,
    string PreviousMonthSource)
{
    public Month Month => Period.Month;
}
