namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// The app roles of the app registration users sign in to (infra/README.md has the commands that create
/// them). Each opens the routes <see cref="RouteAccess.RequiredRoles"/> names, and nothing else.
/// </summary>
public static class AppRoles
{
    /// <summary>PDFs, summaries, the list of versions and its HTML page.</summary>
    public const string ReportsRead = "Reports.Read";

    /// <summary>Evidence files: every event of a month with its user, address and raw item, so personal data.</summary>
    public const string EvidenceRead = "Evidence.Read";

    /// <summary>Asking for a new version (POST), and following that request.</summary>
    public const string ReportsRequest = "Reports.Request";

    /// <summary>Signing off a version as reviewed.</summary>
    public const string ReportsReview = "Reports.Review";

    public static readonly IReadOnlyList<string> All = [ReportsRead, EvidenceRead, ReportsRequest, ReportsReview];
}
