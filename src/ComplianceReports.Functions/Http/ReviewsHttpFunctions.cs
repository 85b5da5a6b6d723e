using ComplianceReports.Pipeline.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions.Http;

/// <summary>
/// Reviews of a report version over HTTP: thin triggers over <see cref="ReviewDelivery"/>, which decides who the
/// reviewer is, each behind <see cref="RouteAccess"/>.
/// </summary>
public sealed class ReviewsHttpFunctions(RouteAccess access, ReviewDelivery delivery)
{
    /// <summary>Records a review: 201 with the signed record's content.</summary>
    [Function(ReportRoutes.RecordReview)]
    public Task<IResult> Record(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/{month}/versions/{version}/reviews")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.RecordReview, caller => delivery.RecordAsync(month, version, caller, req.Body, cancellationToken));

    [Function(ReportRoutes.Reviews)]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}/reviews")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        access.Serve(req, ReportRoutes.Reviews, _ => delivery.ListAsync(month, version, cancellationToken));
}
