using System.Text;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Pipeline.Reviews;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Storage.Signing;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>Recording reviews as the functions do, on Azurite: signed by the report certificate, tied to the version's digest, beside it and nowhere in it.</summary>
public sealed class RecordingReviews(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    private IServiceProvider Services => pipeline.Services(("ReviewDueAfter", "2.00:00:00"));

    private ReportReviewing Reviewing => Services.GetRequiredService<ReportReviewing>();

    [Fact]
    public async Task A_review_is_signed_by_the_published_certificate_for_the_versions_digest_and_changes_no_byte_of_the_version()
    {
        var month = new Month(2016, 1);
        var manifest = await PublishAsync(month, 1);
        var container = pipeline.Storage.CreateBlobContainerClient(BlobReportStore.ContainerName);
        var before = await BlobSnapshot.TakeAsync(container, $"{month}/");

        var review = await Reviewing.RecordAsync(Request(month, 1, "Alice", "looked at every 1006"), default);

        var after = await BlobSnapshot.TakeAsync(container, $"{month}/");
        Assert.All(before, blob => Assert.Equal(blob.Value, after[blob.Key]));
        Assert.All(after.Keys.Except(before.Keys), name => Assert.StartsWith($"{month}/v1/{ReportFileNames.ReviewsFolder}/{review.ReviewId}.json", name, StringComparison.Ordinal));
        Assert.Equal(2, after.Count - before.Count);

        var signed = await Services.GetRequiredService<ReportReviewStore>().ReadSignedAsync(review, default);
        var check = DetachedSignature.Check(signed.Json, signed.Signature);
        var published = await Services.GetRequiredService<SigningCertificateStore>().ListAsync(default);
        Assert.True(check.IsIntact, check.Message);
        Assert.True(new SignerTrust(published.Select(certificate => certificate.Certificate)).Judge(check.Signer).IsTrusted);
        Assert.Equal((manifest.EventDigest, "Alice", "looked at every 1006"), (signed.Review.EventDigest, signed.Review.Reviewer, signed.Review.Note));
        Assert.Equal(review.ToUtf8Json(), signed.Json);
    }

    [Fact]
    public async Task A_redelivered_review_message_records_the_review_once_as_first_signed()
    {
        var month = new Month(2016, 2);
        await PublishAsync(month, 1);
        var message = Request(month, 1, "Bob").ToJson();

        var first = await Reviewing.ServeAsync(message, default);
        var firstSigned = await Services.GetRequiredService<ReportReviewStore>().ReadSignedAsync(first, default);
        var again = await Reviewing.ServeAsync(message, default);

        var kept = Assert.Single(await Services.GetRequiredService<ReportReviewStore>().ListAsync(month, default));
        Assert.Equal((first.ReviewId, first.ReviewId), (again.ReviewId, kept.ReviewId));
        Assert.Equal(firstSigned.Signature, (await Services.GetRequiredService<ReportReviewStore>().ReadSignedAsync(kept, default)).Signature);
    }

    [Fact]
    public async Task A_review_of_a_version_that_was_never_published_is_refused_and_nothing_is_recorded()
    {
        var month = new Month(2016, 3);
        await PublishAsync(month, 1);

        var error = await Assert.ThrowsAsync<ReviewedVersionNotFoundException>(() => Reviewing.RecordAsync(Request(month, 2, "Carol"), default));

        Assert.Equal("There is no version 2 of the 2016-03 report to review.", error.Message);
        Assert.Empty(await Services.GetRequiredService<ReportReviewStore>().ListAsync(month, default));
    }

    [Fact]
    public async Task The_latest_version_unreviewed_for_ReviewDueAfter_is_overdue_until_someone_reviews_it()
    {
        var month = new Month(2016, 4);
        var manifest = await PublishAsync(month, 1);

        var early = await Reviewing.UnreviewedVersionsAsync(manifest.GeneratedAt.AddDays(2).AddMinutes(-1), default);
        var due = await Reviewing.UnreviewedVersionsAsync(manifest.GeneratedAt.AddDays(2), default);
        await Reviewing.RecordAsync(Request(month, 1, "Dave"), default);
        var reviewed = await Reviewing.UnreviewedVersionsAsync(manifest.GeneratedAt.AddDays(30), default);

        Assert.DoesNotContain(early, version => version.Month == month.ToString());
        Assert.Contains(due, version => version.Month == month.ToString() && version.Version == 1);
        Assert.DoesNotContain(reviewed, version => version.Month == month.ToString());
    }

    [Fact]
    public async Task In_azure_an_http_review_is_by_the_signed_in_identity_and_one_without_it_is_refused()
    {
        var month = new Month(2016, 5);
        await PublishAsync(month, 1);
        var delivery = ActivatorUtilities.CreateInstance<ReviewDelivery>(Services, HttpAccessOptions.From(new HttpAccessConfiguration(), CallerTrust.Platform));
        var principal = Caller.FromPrincipalHeader(Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"name_typ":"name","claims":[{"typ":"name","val":"grace@example.com"},{"typ":"roles","val":"Reports.Review"}]}""")))!;
        var functionKey = Caller.FunctionKey(new HashSet<string> { AppRoles.ReportsReview });

        var anonymous = await delivery.RecordAsync("2016-05", "1", functionKey, Body("""{"reviewer":"Mallory"}"""), default);
        var signedIn = await delivery.RecordAsync("2016-05", "1", principal, Body("""{"reviewer":"Mallory","exceptions":["one"]}"""), default);

        Assert.Equal(401, Assert.IsType<JsonReply>(anonymous).StatusCode);
        var recorded = Assert.IsType<JsonReply>(signedIn);
        Assert.Equal((201, "grace@example.com"), (recorded.StatusCode, recorded.Body.GetProperty("reviewer").GetString()));
        Assert.Equal("grace@example.com", Assert.Single(await Services.GetRequiredService<ReportReviewStore>().ListAsync(month, default)).Reviewer);
    }

    private static MemoryStream Body(string json) => new(Encoding.UTF8.GetBytes(json));

    private static ReviewRequest Request(Month month, int version, string reviewer, string? note = null) =>
        ReviewRequest.Create(month, version, reviewer, note, ["none"], month.EndUtc.AddDays(3), ReviewRequest.ViaCli);

    /// <summary>A published version without a PDF: recording a review needs only its manifest.</summary>
    private async Task<ReportManifest> PublishAsync(Month month, int version)
    {
        var manifest = new ReportManifest(
            ReportManifest.CurrentSchemaVersion, month.ToString(), version, 3, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([(byte)month.Number])),
            month.EndUtc.AddHours(2), new Dictionary<string, string>(), "UTC", month.EndUtc.AddHours(2),
            new Dictionary<string, long>(), new Dictionary<string, long>(), []);
        await using var lease = await Services.GetRequiredService<MonthLocks>().AcquireAsync(month, TimeSpan.FromSeconds(30), default);
        return await Services.GetRequiredService<BlobReportStore>().PublishAsync(
            manifest, [new(ReportFileNames.Summary, new MemoryStream("{}"u8.ToArray()))], lease, default);
    }
}
