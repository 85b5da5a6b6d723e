namespace ComplianceReports.Storage.Reports;

/// <summary>The files of a report version, as a user finds them after a download.</summary>
public static class ReportFileNames
{
    public const string Pdf = "report.pdf";
    public const string Summary = "summary.json";
    public const string Evidence = "evidence.csv.gz";
    public const string Manifest = "manifest.json";

    /// <summary>The folder of a version's signed review records, beside its files and in a download alike.</summary>
    public const string ReviewsFolder = "reviews";

    /// <summary>The extension of a detached CMS signature beside the file it signs.</summary>
    public const string SignatureExtension = ".p7s";

    public static string ReviewRecord(string reviewId) => $"{reviewId}.json";

    public static string ReviewSignature(string reviewId) => ReviewRecord(reviewId) + SignatureExtension;

    /// <summary>What a file of a version is, by its name: stored with the blob and served with a download alike.</summary>
    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".pdf" => "application/pdf",
        ".json" => "application/json",
        ".gz" => "application/gzip",
        _ => "application/octet-stream",
    };
}
