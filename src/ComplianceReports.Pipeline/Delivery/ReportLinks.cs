using System.Globalization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// The HTTP addresses of reports, below the Functions route prefix <c>api</c> (host.json sets none, so
/// the default holds in Azure and locally). No key is ever part of a link.
/// </summary>
public static class ReportLinks
{
    public const string RoutePrefix = "api";

    public static string Reports => $"/{RoutePrefix}/reports";

    public static string Latest(Month month) => $"{Reports}/{month}";

    public static string Version(Month month, int version) => string.Create(CultureInfo.InvariantCulture, $"{Reports}/{month}/versions/{version}");

    public static string Summary(Month month, int version) => $"{Version(month, version)}/summary";

    public static string Evidence(Month month, int version) => $"{Version(month, version)}/evidence";

    public static string Reviews(Month month, int version) => $"{Version(month, version)}/reviews";

    public static string Request(Month month, string requestId) => $"{Reports}/{month}/requests/{requestId}";

    /// <summary>The same file as <see cref="Version"/> etc., relative to the listing page at <c>/api/reports</c>.</summary>
    public static string RelativeToListing(string link) => link[($"/{RoutePrefix}/".Length)..];
}
