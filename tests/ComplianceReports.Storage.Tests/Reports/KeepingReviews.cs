using System.Text;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;

namespace ComplianceReports.Storage.Tests;

/// <summary>The review store on Azurite: append-only rows, and signed records beside their version, create-only.</summary>
public sealed class KeepingReviews(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly ReportReviewStore store = new(storage.Clients);

    [Fact]
    public async Task A_months_reviews_are_listed_by_version_then_time_with_their_notes_and_exceptions()
    {
        var month = new Month(2024, 1);
        var late = Review(month, 1, "20240210T100000000Z-000000000002", "Bob", note: "second look\nat secrets", exceptions: ["1006 on the 4th", "a silent day"]);
        var early = Review(month, 1, "20240201T100000000Z-000000000001", "Alice");
        var ofVersion2 = Review(month, 2, "20240105T100000000Z-000000000003", "Carol");
        foreach (var review in new[] { late, ofVersion2, early })
        {
            await store.AddAsync(Signed(review), default);
        }
        await store.AddAsync(Signed(Review(new Month(2024, 2), 1, "20240301T000000000Z-000000000004", "Dave")), default);

        var listed = await store.ListAsync(month, default);

        Assert.Equal(["Alice", "Bob", "Carol"], listed.Select(review => review.Reviewer));
        Assert.Equal(late.ToUtf8Json(), listed[1].ToUtf8Json());
        Assert.Equal(["1006 on the 4th", "a silent day"], listed[1].Exceptions);
        Assert.Empty(listed[0].Exceptions);
        // Other tests of the class share the account, each in a month of its own.
        Assert.Equal(["2024-01", "2024-01", "2024-01", "2024-02"], (await store.ListAllAsync(default)).Select(review => review.Month).Where(m => m is "2024-01" or "2024-02"));
    }

    [Fact]
    public async Task The_signed_record_lies_in_the_versions_folder_and_reads_back_byte_for_byte()
    {
        var month = new Month(2024, 3);
        var review = Review(month, 4, "20240401T000000000Z-0000000000aa", "Alice");
        var signed = Signed(review);

        await store.AddAsync(signed, default);

        var blobs = await BlobSnapshot.TakeAsync(storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName), $"{month}/");
        Assert.Equal(
            [$"{month}/v4/reviews/{review.ReviewId}.json", $"{month}/v4/reviews/{review.ReviewId}.json.p7s"],
            blobs.Keys.Order(StringComparer.Ordinal));
        var read = await store.ReadSignedAsync((await store.FindAsync(month, 4, review.ReviewId, default))!, default);
        Assert.Equal(signed.Json, read.Json);
        Assert.Equal(signed.Signature, read.Signature);
    }

    [Fact]
    public async Task Adding_a_review_id_again_keeps_the_first_record_its_signature_and_its_row()
    {
        var month = new Month(2024, 4);
        var first = Review(month, 1, "20240501T000000000Z-0000000000bb", "Alice");
        await store.AddAsync(Signed(first), default);

        var again = await store.AddAsync(Signed(first with { Reviewer = "Mallory" }, signature: "other"), default);

        Assert.Equal("Alice", again.Reviewer);
        var kept = Assert.Single(await store.ListAsync(month, default));
        Assert.Equal("Alice", kept.Reviewer);
        var read = await store.ReadSignedAsync(kept, default);
        Assert.Equal(first.ToUtf8Json(), read.Json);
        Assert.Equal(Encoding.UTF8.GetBytes("signature of " + first.ReviewId), read.Signature);
    }

    [Fact]
    public async Task A_review_not_recorded_is_not_found()
    {
        Assert.Null(await store.FindAsync(new Month(2024, 5), 1, "20240601T000000000Z-0000000000cc", default));
    }

    private static ReportReview Review(Month month, int version, string id, string reviewer, string? note = null, IReadOnlyList<string>? exceptions = null) => new(
        ReportReview.CurrentSchemaVersion, id, month.ToString(), version, new string('d', 64), reviewer,
        DateTimeOffset.ParseExact(id[..19], "yyyyMMdd'T'HHmmssfff'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal), note, exceptions ?? [], ReviewRequest.ViaCli);

    /// <summary>The store keeps bytes, it does not check signatures: a stand-in signature names what it stands for.</summary>
    private static SignedReview Signed(ReportReview review, string signature = "signature of") =>
        new(review, review.ToUtf8Json(), Encoding.UTF8.GetBytes($"{signature} {review.ReviewId}"));
}
