using System.Globalization;
using System.Text.Json;
using ComplianceReports.Domain.Reviews;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// A recorded review: who signed off on which report version, when, with what exceptions, tied to
/// exactly what was read by the version's evidence digest. Written once beside the version as
/// <c>reviews/{id}.json</c> with a detached CMS signature by the pipeline's certificate, and never
/// changed; a version's own files never depend on its reviews.
/// </summary>
/// <param name="EventDigest">The reviewed version's evidence digest, as its manifest and signed claim give it.</param>
public sealed record ReportReview(
    int SchemaVersion,
    string ReviewId,
    string Month,
    int Version,
    string EventDigest,
    string Reviewer,
    DateTimeOffset ReviewedAt,
    string? Note,
    IReadOnlyList<string> Exceptions,
    string RecordedVia)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The record of <paramref name="request"/> for the version <paramref name="manifest"/> publishes.</summary>
    /// <exception cref="ArgumentException">The manifest is of another month or version than the request names.</exception>
    public static ReportReview For(ReviewRequest request, ReportManifest manifest)
    {
        if (request.Month != manifest.Month || request.Version != manifest.Version)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The review is of {request.Month} version {request.Version}, the manifest of {manifest.Month} version {manifest.Version}."),
                nameof(manifest));
        }
        return new ReportReview(
            CurrentSchemaVersion, request.ReviewId, request.Month, request.Version, manifest.EventDigest,
            request.Reviewer, request.ReviewedAt, request.Note, request.Exceptions, request.RecordedVia);
    }

    /// <summary>The exact bytes that are signed and stored: a verifier checks the signature over these, never over a re-serialisation.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, IndentedContractJson.Default.ReportReview);

    /// <exception cref="FormatException">Not a review record, or one that breaks a rule; the message says why.</exception>
    public static ReportReview FromUtf8Json(ReadOnlySpan<byte> json)
    {
        ReportReview? review;
        try
        {
            review = JsonSerializer.Deserialize(json, IndentedContractJson.Default.ReportReview);
        }
        catch (JsonException error)
        {
            throw new FormatException($"not a review record: {error.Message}", error);
        }
        if (review is not { ReviewId: not null, Month: not null, EventDigest: not null, Reviewer: not null, Exceptions: not null, RecordedVia: not null })
        {
            throw new FormatException("not a review record: fields are missing");
        }
        try
        {
            ReviewRules.Check(review.ReviewId, review.Month, review.Version, review.Reviewer, review.Note, review.Exceptions);
        }
        catch (InvalidReviewException invalid)
        {
            throw new FormatException($"not a valid review record: {invalid.Message}", invalid);
        }
        return review;
    }

    /// <summary>How the review differs from the version the signed claim describes: nothing when it reviews exactly that version.</summary>
    public IReadOnlyList<string> MismatchesWith(ReportClaim claim)
    {
        var mismatches = new List<string>();
        if (Month != claim.Month || Version != claim.Version)
        {
            mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"it reviews {Month} version {Version}, not this report, {claim.Month} version {claim.Version}"));
        }
        if (EventDigest != claim.EventDigest)
        {
            mismatches.Add($"it reviews evidence digest {EventDigest}, the signed claim's is {claim.EventDigest}");
        }
        return mismatches;
    }
}
