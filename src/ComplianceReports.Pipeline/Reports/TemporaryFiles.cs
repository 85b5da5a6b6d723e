namespace ComplianceReports.Pipeline.Reports;

/// <summary>Files a version is assembled in: on disk, so a month's evidence never has to fit in memory; gone when closed.</summary>
internal static class TemporaryFiles
{
    public static FileStream Create() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
}
