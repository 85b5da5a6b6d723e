using ComplianceReports.Pipeline.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions.Http;

/// <summary>
/// Reports over HTTP: thin triggers over <see cref="ReportDelivery"/>, which checks every route value.
/// They take only the request and plain route values, so the local host calls the same methods.
/// </summary>
public sealed class ReportsHttpFunctions(ReportDelivery delivery)
{
    public const string ListName = "ListReports";
    public const string LatestName = "DownloadLatestReport";
    public const string RequestName = "RequestReport";
    public const string RequestStatusName = "GetReportRequest";
    public const string VersionName = "DownloadReportVersion";
    public const string SummaryName = "DownloadReportSummary";
    public const string EvidenceName = "DownloadReportEvidence";

    /// <summary>Months and versions as JSON, or as an HTML page for a browser.</summary>
    [Function(ListName)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports")] HttpRequest req, CancellationToken cancellationToken) =>
        delivery.ListAsync(req.AcceptsHtml(), cancellationToken).ToResultAsync();

    /// <summary>The latest version's PDF.</summary>
    [Function(LatestName)]
    public Task<IResult> Latest([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}")] HttpRequest req, string month, CancellationToken cancellationToken) =>
        delivery.LatestAsync(month, ReportFile.Pdf, cancellationToken).ToResultAsync();

    /// <summary>Asks for a new version: 202 with a Location to poll.</summary>
    [Function(RequestName)]
    public Task<IResult> Request([HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/{month}")] HttpRequest req, string month, CancellationToken cancellationToken) =>
        delivery.RequestAsync(month, cancellationToken).ToResultAsync();

    [Function(RequestStatusName)]
    public Task<IResult> RequestStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/requests/{requestId}")] HttpRequest req, string month, string requestId, CancellationToken cancellationToken) =>
        delivery.RequestStatusAsync(month, requestId, cancellationToken).ToResultAsync();

    [Function(VersionName)]
    public Task<IResult> Version(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        delivery.VersionAsync(month, version, ReportFile.Pdf, cancellationToken).ToResultAsync();

    [Function(SummaryName)]
    public Task<IResult> Summary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}/summary")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        delivery.VersionAsync(month, version, ReportFile.Summary, cancellationToken).ToResultAsync();

    [Function(EvidenceName)]
    public Task<IResult> Evidence(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}/evidence")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        delivery.VersionAsync(month, version, ReportFile.Evidence, cancellationToken).ToResultAsync();
}
