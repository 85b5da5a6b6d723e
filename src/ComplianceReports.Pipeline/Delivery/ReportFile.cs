using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>The files of a report version that can be downloaded, with their content types and download names.</summary>
public enum ReportFile
{
    Pdf,
    Summary,
    Evidence,
}

public static class ReportFiles
{
    public static string BlobFileName(this ReportFile file) => file switch
    {
        ReportFile.Pdf => ReportFileNames.Pdf,
        ReportFile.Summary => ReportFileNames.Summary,
        ReportFile.Evidence => ReportFileNames.Evidence,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    public static string ContentType(this ReportFile file) => ReportFileNames.ContentTypeOf(file.BlobFileName());

    /// <summary>e.g. <c>compliance-report-2026-10-v1.pdf</c>, <c>compliance-report-2026-10-v1-evidence.csv.gz</c>.</summary>
    public static string DownloadName(this ReportFile file, Month month, int version) => file switch
    {
        ReportFile.Pdf => $"compliance-report-{month}-v{version}.pdf",
        ReportFile.Summary => $"compliance-report-{month}-v{version}-summary.json",
        ReportFile.Evidence => $"compliance-report-{month}-v{version}-evidence.csv.gz",
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };
}
