using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reviews;

namespace ComplianceReports.Domain.Tests.Reviews;

public class WritingAReview
{
    private static readonly Month October = new(2026, 10);
    private static readonly DateTimeOffset At = new(2026, 11, 3, 9, 30, 15, 250, TimeSpan.FromHours(2));
    private static readonly string Digest = new('a', 64);

    [Fact]
    public void A_new_review_trims_its_texts_keeps_the_time_in_utc_and_gets_an_id_that_starts_with_it()
    {
        var request = ReviewRequest.Create(October, 2, "  Alice Auditor ", "  looked at logins\n and secrets ", [" 1006 on the 4th "], At, ReviewRequest.ViaCli);

        Assert.Equal(("Alice Auditor", "looked at logins\n and secrets", "1006 on the 4th"), (request.Reviewer, request.Note, Assert.Single(request.Exceptions)));
        Assert.Equal((TimeSpan.Zero, At), (request.ReviewedAt.Offset, request.ReviewedAt));
        Assert.StartsWith("20261103T073015250Z-", request.ReviewId, StringComparison.Ordinal);
        Assert.True(ReviewIds.IsValid(request.ReviewId));
        Assert.NotEqual(request.ReviewId, ReviewRequest.Create(October, 2, "Alice", null, null, At, ReviewRequest.ViaCli).ReviewId);
    }

    [Fact]
    public void A_blank_note_is_no_note_and_no_exceptions_is_an_empty_list()
    {
        var request = ReviewRequest.Create(October, 1, "Bob", "   ", null, At, ReviewRequest.ViaHttp);

        Assert.Null(request.Note);
        Assert.Empty(request.Exceptions);
    }

    [Theory]
    [InlineData("", null, "The reviewer is empty.")]
    [InlineData("Eve\nMallory", null, "The reviewer holds a control character or line break.")]
    [InlineData("Eve", "note\u001b[2J", "The note holds a control character (line breaks are allowed).")]
    [InlineData("Eve", null, "An exception holds a control character or line break.", "one\ntwo")]
    [InlineData("Eve", null, "An exception is empty.", " ")]
    public void A_review_that_breaks_a_rule_is_refused_with_a_sentence_naming_it(string reviewer, string? note, string message, params string[] exceptions)
    {
        var error = Assert.Throws<InvalidReviewException>(() => ReviewRequest.Create(October, 1, reviewer, note, exceptions, At, ReviewRequest.ViaCli));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Texts_beyond_their_limits_and_too_many_exceptions_are_refused()
    {
        Assert.Throws<InvalidReviewException>(() => ReviewRequest.Create(October, 1, new string('r', ReviewRules.MaxReviewerLength + 1), null, null, At, "cli"));
        Assert.Throws<InvalidReviewException>(() => ReviewRequest.Create(October, 1, "Eve", new string('n', ReviewRules.MaxNoteLength + 1), null, At, "cli"));
        Assert.Throws<InvalidReviewException>(() => ReviewRequest.Create(October, 1, "Eve", null, Enumerable.Repeat("x", ReviewRules.MaxExceptions + 1), At, "cli"));
        Assert.Throws<InvalidReviewException>(() => ReviewRequest.Create(October, 0, "Eve", null, null, At, "cli"));
        Assert.NotNull(ReviewRequest.Create(October, 1, new string('r', ReviewRules.MaxReviewerLength), new string('n', ReviewRules.MaxNoteLength),
            Enumerable.Repeat(new string('e', ReviewRules.MaxExceptionLength), ReviewRules.MaxExceptions), At, "cli"));
    }

    [Fact]
    public void A_request_survives_its_trip_through_the_queue_and_a_forged_one_is_refused()
    {
        var request = ReviewRequest.Create(October, 3, "Alice", "ok", ["first", "second"], At, ReviewRequest.ViaCli);

        var read = ReviewRequest.FromJson(request.ToJson());

        Assert.Equal(request with { Exceptions = read.Exceptions }, read);
        Assert.Equal(request.Exceptions, read.Exceptions);
        var forged = request.ToJson().Replace(request.ReviewId, "../../v1/manifest", StringComparison.Ordinal);
        Assert.Throws<InvalidReviewException>(() => ReviewRequest.FromJson(forged));
        Assert.Throws<InvalidReviewException>(() => ReviewRequest.FromJson("not json"));
    }

    [Fact]
    public void The_record_carries_the_versions_digest_and_names_every_field_in_its_json()
    {
        var review = ReportReview.For(ReviewRequest.Create(October, 2, "Alice", null, ["late 1006"], At, ReviewRequest.ViaHttp), Manifest(2));

        using var json = JsonDocument.Parse(review.ToUtf8Json());

        Assert.Equal(Digest, review.EventDigest);
        Assert.Equal(
            ["eventDigest", "exceptions", "month", "note", "recordedVia", "reviewId", "reviewedAt", "reviewer", "schemaVersion", "version"],
            json.RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        var read = ReportReview.FromUtf8Json(review.ToUtf8Json());
        Assert.Equal(review.ToUtf8Json(), read.ToUtf8Json());
    }

    [Fact]
    public void A_review_is_only_for_the_version_it_names()
    {
        var request = ReviewRequest.Create(October, 2, "Alice", null, null, At, ReviewRequest.ViaCli);

        Assert.Throws<ArgumentException>(() => ReportReview.For(request, Manifest(1)));
    }

    [Fact]
    public void Against_the_signed_claim_a_review_of_that_version_matches_and_one_of_another_or_another_digest_does_not()
    {
        var review = ReportReview.For(ReviewRequest.Create(October, 2, "Alice", null, null, At, ReviewRequest.ViaCli), Manifest(2));

        Assert.Empty(review.MismatchesWith(Claim(2, Digest)));
        Assert.Equal(["it reviews 2026-10 version 2, not this report, 2026-10 version 1"], review.MismatchesWith(Claim(1, Digest)));
        Assert.Equal([$"it reviews evidence digest {Digest}, the signed claim's is {new string('b', 64)}"], review.MismatchesWith(Claim(2, new string('b', 64))));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("""{"schemaVersion":1,"reviewId":"x","month":"2026-10","version":1,"eventDigest":"d","reviewer":"","reviewedAt":"2026-11-01T00:00:00Z","note":null,"exceptions":[],"recordedVia":"cli"}""")]
    public void A_record_that_is_not_a_valid_review_is_refused_when_read(string json)
    {
        Assert.Throws<FormatException>(() => ReportReview.FromUtf8Json(Encoding.UTF8.GetBytes(json)));
    }

    private static ReportManifest Manifest(int version) => new(
        ReportManifest.CurrentSchemaVersion, October.ToString(), version, 5, Digest, At, new Dictionary<string, string>(), "UTC", At,
        new Dictionary<string, long>(), new Dictionary<string, long>(), []);

    private static ReportClaim Claim(int version, string digest) => new(
        ReportClaim.CurrentVersion, October.ToString(), "UTC", version, At, October.StartUtc, October.EndUtc, 5, digest, Array.Empty<DayDigest>(), "e", "s");
}
