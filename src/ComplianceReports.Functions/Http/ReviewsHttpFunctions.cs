using ComplianceReports.Pipeline.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions.Http;

/// <summary>Reviews of a report version over HTTP: thin triggers over <see cref="ReviewDelivery"/>, which decides who the reviewer is.</summary>
public sealed class ReviewsHttpFunctions(ReviewDelivery delivery)
{
    public const string RecordName = "RecordReportReview";
    public const string ListName = "ListReportReviews";

    /// <summary>Records a review: 201 with the signed record's content.</summary>
    [Function(RecordName)]
    public Task<IResult> Record(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/{month}/versions/{version}/reviews")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        delivery.RecordAsync(month, version, req.Headers[ClientPrincipal.HeaderName], req.Body, cancellationToken).ToResultAsync();

    [Function(ListName)]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{month}/versions/{version}/reviews")] HttpRequest req, string month, string version, CancellationToken cancellationToken) =>
        delivery.ListAsync(month, version, cancellationToken).ToResultAsync();
}
