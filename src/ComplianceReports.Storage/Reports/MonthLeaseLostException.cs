using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Storage.Reports;

/// <summary>The generator no longer holds its month (the lease was broken, or expired and taken): it must stop without publishing.</summary>
public sealed class MonthLeaseLostException(Month month, Exception? innerException = null)
    : Exception($"The lease on the {month} report was lost (broken, or expired and taken by another generator); nothing more is published.", innerException);
