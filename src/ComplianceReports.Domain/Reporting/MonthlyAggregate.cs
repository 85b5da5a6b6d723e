namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// Every figure of one period's event set as of a cutoff, from one pass over the store. A report
/// version adds only its number, generation time and what changed since the version before.
/// </summary>
/// <param name="Cutoff">The set is the period's events stored (<c>ingestedAt</c>) up to and including this instant.</param>
/// <param name="CountsByCategory">By the category each event was stored with, for every catalog category, zero or not.</param>
public sealed record MonthlyAggregate(
    ReportPeriod Period,
    DateTimeOffset Cutoff,
    long EventCount,
    IReadOnlyDictionary<int, long> CountsByCode,
    IReadOnlyDictionary<string, long> CountsByCategory,
    string EventDigest,
    IReadOnlyList<CategoryCount> Categories,
    IReadOnlyList<Finding> Findings,
    Coverage Coverage,
    LoginSection Logins,
    SecretsSection Secrets,
    ConfigurationSection Configuration,
    IReadOnlyList<CategorySection> OtherCategories,
    IReadOnlyList<CodeCount> UnknownEvents,
    IReadOnlyList<ControlEvidence> Controls,
    EventList KeyEvents)
{
    public Month Month => Period.Month;
}
