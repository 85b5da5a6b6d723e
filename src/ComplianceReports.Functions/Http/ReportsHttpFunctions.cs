using ComplianceReports.Pipeline.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions.Http;

/// <summary>
/// Reports over HTTP: thin triggers over <see cref="ReportDelivery"/>, which checks every route value, each
/// behind <see cref="RouteAccess"/>, which checks the caller's app role and logs who called.
/// They take only the request and plain route values, so the local host calls the same methods.
/// </summary>
public sealed class ReportsHttpFunctions(RouteAccess access, ReportDelivery delivery)
{
    /// <summary>Months and versions as JSON, or as an HTML page for a browser.</summary>
    [Function(ReportRoutes.List)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports")] HttpRequest req, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.List, _ => delivery.ListAsync(req.AcceptsHtml(), cancellationToken));

    /// <summary>The latest version's PDF.</summary>
    [Function(ReportRoutes.Latest)]
    public Task<IResult> Latest([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}")] HttpRequest req, string month, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.Latest, _ => delivery.LatestAsync(month, ReportFile.Pdf, cancellationToken));

    /// <summary>Asks for a new version: 202 with a Location to poll.</summary>
    [Function(ReportRoutes.Request)]
    public Task<IResult> Request([HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/{month}")] HttpRequest req, string month, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.Request, caller => delivery.RequestAsync(month, caller, cancellationToken));

    [Function(ReportRoutes.RequestStatus)]
    public Task<IResult> RequestStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/requests/{requestId}")] HttpRequest req, string month, string requestId, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.RequestStatus, _ => delivery.RequestStatusAsync(month, requestId, cancellationToken));

    [Function(ReportRoutes.Version)]
    public Task<IResult> Version(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.Version, _ => delivery.VersionAsync(month, version, ReportFile.Pdf, cancellationToken));

    [Function(ReportRoutes.Summary)]
    public Task<IResult> Summary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}/summary")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.Summary, _ => delivery.VersionAsync(month, version, ReportFile.Summary, cancellationToken));

    [Function(ReportRoutes.Evidence)]
    public Task<IResult> Evidence(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}/evidence")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.Evidence, _ => delivery.VersionAsync(month, version, ReportFile.Evidence, cancellationToken));
}
