namespace ComplianceReports.Domain.Reporting;

/// <summary>The report model: what the PDF draws and <c>summary.json</c> records, from one aggregation.</summary>
public sealed record MonthlyReport(MonthlyAggregate Aggregate, int Version, DateTimeOffset GeneratedAt)
{
    public Month Month => Aggregate.Month;

    /// <summary>Months are decided in UTC until a report time zone is configurable.</summary>
    public string TimeZone => "UTC";
}
