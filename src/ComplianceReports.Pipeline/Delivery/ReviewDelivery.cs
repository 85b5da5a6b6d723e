using System.Text.Json;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reviews;
using ComplianceReports.Pipeline.Reviews;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// Reviews over HTTP: recording one for a version (<c>POST …/versions/{n}/reviews</c>) and listing a
/// version's, each behind <see cref="RouteAccess"/>. Who the reviewer is depends on whose word the host
/// takes (<see cref="CallerTrust"/>): in Azure the signed-in caller's name, locally the body's <c>reviewer</c>.
/// </summary>
public sealed class ReviewDelivery(BlobReportStore reports, ReportReviewStore reviews, ReportReviewing reviewing, HttpAccessOptions access, TimeProvider clock)
{
    /// <summary>A review is a few lines; a body beyond this is not one.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public async Task<DeliveryReply> RecordAsync(string? month, string? version, Caller caller, Stream body, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryMonth(month, out var parsed, out var error) || !RouteValues.TryVersion(version, out var number, out error))
        {
            return error;
        }
        var (fields, problem) = await ReadBodyAsync(body, cancellationToken);
        if (problem is not null)
        {
            return JsonReply.Error(400, problem);
        }
        // Locally nobody signs in and any client could write a principal header: the body names the reviewer.
        var reviewer = access.Trust == CallerTrust.LocalEveryRole ? fields!.Reviewer : caller.SignedInName;
        if (reviewer is null && access.Trust == CallerTrust.Platform)
        {
            return JsonReply.Error(401, "Sign in to record a review: the reviewer is the signed-in identity (App Service authentication), never a name in the body.");
        }
        ReviewRequest request;
        try
        {
            request = ReviewRequest.Create(parsed, number, reviewer, fields!.Note, fields.Exceptions, clock.GetUtcNow(), ReviewRequest.ViaHttp);
        }
        catch (InvalidReviewException invalid)
        {
            return JsonReply.Error(400, invalid.Message);
        }
        try
        {
            var review = await reviewing.RecordAsync(request, cancellationToken);
            var latest = (await reports.GetLatestAsync(parsed, cancellationToken))!.Version;
            return JsonReply.Of(201, Describe(review, latest), ReportLinks.Reviews(parsed, number));
        }
        catch (ReviewedVersionNotFoundException missing)
        {
            return JsonReply.Error(404, missing.Message);
        }
    }

    public async Task<DeliveryReply> ListAsync(string? month, string? version, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryMonth(month, out var parsed, out var error) || !RouteValues.TryVersion(version, out var number, out error))
        {
            return error;
        }
        var versions = await reports.ListVersionsAsync(parsed, cancellationToken);
        if (versions.All(manifest => manifest.Version != number))
        {
            return JsonReply.Error(404, $"There is no version {number} of the {parsed} report.");
        }
        var latest = versions[^1].Version;
        var ofVersion = (await reviews.ListAsync(parsed, cancellationToken)).Where(review => review.Version == number);
        return JsonReply.Of(200, new { month = parsed.ToString(), version = number, reviews = ofVersion.Select(review => Describe(review, latest)) });
    }

    /// <summary>A review as HTTP shows it, naming the newer version when the one reviewed is superseded.</summary>
    internal static object Describe(ReportReview review, int latestVersion) => new
    {
        review.ReviewId,
        review.Month,
        review.Version,
        review.EventDigest,
        review.Reviewer,
        review.ReviewedAt,
        review.Note,
        review.Exceptions,
        review.RecordedVia,
        supersededBy = latestVersion > review.Version ? latestVersion : (int?)null,
    };

    private async Task<(ReviewBody? Fields, string? Problem)> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, $"A review's body holds at most {MaxBodyBytes / 1024} KiB of JSON.");
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (new ReviewBody(null, null, null), null);
        }
        try
        {
            return (JsonSerializer.Deserialize<ReviewBody>(buffer.ToArray(), BodyOptions) ?? new ReviewBody(null, null, null), null);
        }
        catch (JsonException)
        {
            return (null, """A review's body is JSON like {"reviewer":"Alice","note":"…","exceptions":["…"]}; reviewer is ignored where sign-in names the reviewer.""");
        }
    }

    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web);

    private sealed record ReviewBody(string? Reviewer, string? Note, IReadOnlyList<string>? Exceptions);
}
