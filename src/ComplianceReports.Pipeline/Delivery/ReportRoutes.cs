namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// The names of the HTTP functions, which the Functions app gives its triggers and
/// <see cref="RouteAccess"/> keys its table by: one name, so a route cannot drift from the role it needs.
/// </summary>
public static class ReportRoutes
{
    public const string List = "ListReports";
    public const string Latest = "DownloadLatestReport";
    public const string Request = "RequestReport";
    public const string RequestStatus = "GetReportRequest";
    public const string Version = "DownloadReportVersion";
    public const string Summary = "DownloadReportSummary";
    public const string Evidence = "DownloadReportEvidence";
    public const string RecordReview = "RecordReportReview";
    public const string Reviews = "ListReportReviews";
    public const string SigningCertificate = "GetSigningCertificate";
}
