namespace ComplianceReports.Storage.Reports;

/// <summary>The files of a report version, as a user finds them after a download.</summary>
public static class ReportFileNames
{
    public const string Pdf = "report.pdf";
    public const string Summary = "summary.json";
    public const string Evidence = "evidence.csv.gz";
    public const string Manifest = "manifest.json";
}
