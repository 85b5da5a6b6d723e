namespace ComplianceReports.Domain.Reporting;

/// <summary>Every figure of one month's event set; a report version adds only its number and generation time.</summary>
public sealed record MonthlyAggregate(
    Month Month,
    long EventCount,
    IReadOnlyDictionary<int, long> CountsByCode,
    string EventDigest);
