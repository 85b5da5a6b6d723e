using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reviews;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Pipeline.Reviews;

/// <summary>A review that cannot be recorded because the version it names is not published.</summary>
public sealed class ReviewedVersionNotFoundException(string message) : Exception(message);

/// <summary>
/// Records reviews of report versions, from the CLI's queue and from HTTP alike: ties each to the
/// version's digest, signs the record with the report certificate and stores it, append-only. Only the
/// functions hold the key, so only they record reviews.
/// </summary>
public sealed class ReportReviewing(BlobReportStore reports, ReportReviewStore reviews, ReportSigning signing, ReportOptions options)
{
    /// <summary>Records a review as it came off the <c>report-reviews</c> queue; a message that is not one fails, saying why.</summary>
    public Task<ReportReview> ServeAsync(string message, CancellationToken cancellationToken) =>
        RecordAsync(ReviewRequest.FromJson(message), cancellationToken);

    /// <exception cref="ReviewedVersionNotFoundException">No such version is published.</exception>
    public async Task<ReportReview> RecordAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        var month = Month.Parse(request.Month);
        var manifest = (await reports.ListVersionsAsync(month, cancellationToken)).FirstOrDefault(version => version.Version == request.Version)
            ?? throw new ReviewedVersionNotFoundException($"There is no version {request.Version} of the {month} report to review.");
        // A redelivered request keeps the record its first delivery signed.
        if (await reviews.FindAsync(month, request.Version, request.ReviewId, cancellationToken) is { } recorded)
        {
            return recorded;
        }
        var review = ReportReview.For(request, manifest);
        var json = review.ToUtf8Json();
        var signer = await signing.SignerAsync(cancellationToken);
        return await reviews.AddAsync(new SignedReview(review, json, signer.SignDetached(json)), cancellationToken);
    }

    /// <summary>
    /// Each month's latest version that nobody has reviewed <see cref="ReportOptions.ReviewDueAfter"/>
    /// after it was generated: what an alert about overdue reviews reports.
    /// </summary>
    public async Task<IReadOnlyList<ReportManifest>> UnreviewedVersionsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReviewDue.Overdue(
            await reports.ListAllAsync(cancellationToken), await reviews.ListAllAsync(cancellationToken), now, options.ReviewDueAfter);
}
