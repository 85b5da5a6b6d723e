namespace ComplianceReports.Storage.Reports;

/// <summary>The files of a report version, as a user finds them after a download.</summary>
public static class ReportFileNames
{
    public const string Pdf = "report.pdf";
    public const string Summary = "summary.json";
    public const string Evidence = "evidence.csv.gz";
    public const string Manifest = "manifest.json";

    /// <summary>What a file of a version is, by its name: stored with the blob and served with a download alike.</summary>
    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".pdf" => "application/pdf",
        ".json" => "application/json",
        ".gz" => "application/gzip",
        _ => "application/octet-stream",
    };
}
