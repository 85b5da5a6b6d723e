namespace ComplianceReports.Domain.Reporting;

/// <summary>The report model: what the PDF draws and <c>summary.json</c> records, from one aggregation.</summary>
/// <param name="ReadAt">When generation began reading the store: information only, membership is the set read.</param>
/// <param name="Change">What this version adds to the previous one; <c>null</c> for a month's first version.</param>
public sealed record MonthlyReport(
    MonthlyAggregate Aggregate, ReportSettings Settings, int Version, DateTimeOffset GeneratedAt, DateTimeOffset ReadAt, VersionChange? Change = null)
{
    public Month Month => Aggregate.Month;

    public ReportPeriod Period => Aggregate.Period;

    public string TimeZone => Aggregate.Period.TimeZoneId;
}
