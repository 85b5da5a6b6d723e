using System.Text.Json;
using ComplianceReports.Domain.Reviews;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// Someone's sign-off on a report version, before the pipeline ties it to the version's digest and
/// signs it: what travels on the <c>report-reviews</c> queue from the CLI, and what an HTTP request
/// becomes. Only the functions hold the signing key, so the CLI asks them to record it.
/// </summary>
/// <param name="ReviewId">Chosen by the asker, so a redelivered message records the same review once.</param>
/// <param name="ReviewedAt">When the reviewer signed off: the asker's clock, not the recording host's.</param>
/// <param name="RecordedVia"><c>cli</c> or <c>http</c>.</param>
public sealed record ReviewRequest(
    string ReviewId,
    string Month,
    int Version,
    string Reviewer,
    string? Note,
    IReadOnlyList<string> Exceptions,
    DateTimeOffset ReviewedAt,
    string RecordedVia)
{
    public const string ViaCli = "cli";
    public const string ViaHttp = "http";

    /// <summary>A new review of version <paramref name="version"/> of <paramref name="month"/>, its texts trimmed and held to <see cref="ReviewRules"/>.</summary>
    /// <exception cref="InvalidReviewException">A text breaks a rule; the message says which.</exception>
    public static ReviewRequest Create(
        Reporting.Month month, int version, string? reviewer, string? note, IEnumerable<string>? exceptions, DateTimeOffset reviewedAt, string recordedVia)
    {
        var request = new ReviewRequest(
            ReviewIds.New(reviewedAt),
            month.ToString(),
            version,
            reviewer?.Trim() ?? "",
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            (exceptions ?? []).Select(exception => exception.Trim()).ToList(),
            reviewedAt.ToUniversalTime(),
            recordedVia);
        ReviewRules.Check(request.ReviewId, request.Month, request.Version, request.Reviewer, request.Note, request.Exceptions);
        return request;
    }

    public string ToJson() => JsonSerializer.Serialize(this, CompactContractJson.Default.ReviewRequest);

    /// <summary>Reads a request; one that is not JSON of this shape, or breaks a rule, is refused with a sentence.</summary>
    /// <exception cref="InvalidReviewException"/>
    public static ReviewRequest FromJson(string json)
    {
        ReviewRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(json, CompactContractJson.Default.ReviewRequest);
        }
        catch (JsonException e)
        {
            throw new InvalidReviewException($"A review request is not JSON of its shape: {e.Message}");
        }
        if (request is not { ReviewId: not null, Month: not null, Reviewer: not null, Exceptions: not null, RecordedVia: not null })
        {
            throw new InvalidReviewException("A review request needs a reviewId, month, version, reviewer, exceptions and recordedVia.");
        }
        ReviewRules.Check(request.ReviewId, request.Month, request.Version, request.Reviewer, request.Note, request.Exceptions);
        return request;
    }
}
