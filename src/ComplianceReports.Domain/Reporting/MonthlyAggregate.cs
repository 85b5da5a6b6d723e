namespace ComplianceReports.Domain.Reporting;

/// <summary>Every figure of one month's event set; a report version adds only its number and generation time.</summary>
/// <param name="CountsByCategory">By the category each event was stored with, for every catalog category, zero or not.</param>
public sealed record MonthlyAggregate(
    Month Month,
    long EventCount,
    IReadOnlyDictionary<int, long> CountsByCode,
    IReadOnlyDictionary<string, long> CountsByCategory,
    string EventDigest);
