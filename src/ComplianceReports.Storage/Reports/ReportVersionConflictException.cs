namespace ComplianceReports.Storage.Reports;

/// <summary>Another writer published this version first; nothing of it was overwritten.</summary>
public sealed class ReportVersionConflictException(string month, int version)
    : Exception($"Version {version} of the {month} report was published by another writer.");
