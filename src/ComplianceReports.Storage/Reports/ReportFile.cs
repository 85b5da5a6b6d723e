namespace ComplianceReports.Storage.Reports;

/// <summary>A file of a version to publish, by its logical name (<see cref="ReportFileNames"/>); the content is uploaded as it streams.</summary>
public sealed record ReportFile(string Name, Stream Content);
