namespace ComplianceReports.Signing;

/// <summary>What a report's signature says about itself, shown by PDF readers next to the signer.</summary>
/// <param name="Reason">Why the document was signed.</param>
/// <param name="Location">Where it was signed: for reports, the organisation.</param>
/// <remarks>PDFsharp 6.2.4 writes no /ContactInfo, so there is no contact to give.</remarks>
public sealed record SignatureInfo(string Reason, string Location)
{
    public const string MonthlyReportReason = "Monthly compliance report: evidence of the audit log review";

    /// <summary>The signature of a monthly compliance report issued by <paramref name="organisation"/>.</summary>
    public static SignatureInfo ForMonthlyReport(string organisation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        return new SignatureInfo(MonthlyReportReason, organisation);
    }
}
