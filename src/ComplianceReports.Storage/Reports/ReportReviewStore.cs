using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Reports;

/// <summary>A review record as signed and stored: the exact bytes of its JSON and their detached CMS signature.</summary>
public sealed record SignedReview(ReportReview Review, byte[] Json, byte[] Signature);

/// <summary>
/// Reviews of report versions, append-only. Table <c>ReportReviews</c>: partition the month, row key the
/// version and review id, inserted once and never updated. Beside the version, in <c>reports</c>, the
/// signed record: <c>{YYYY-MM}/v{N}/reviews/{id}.json</c> and <c>{id}.json.p7s</c>, create-only. The
/// version's manifest and files are never touched, so a review changes nothing of what it reviews.
/// </summary>
public sealed class ReportReviewStore(StorageClientFactory clients)
{
    public const string TableName = "ReportReviews";

    private const char ExceptionSeparator = '\n';

    private readonly TableClient table = clients.CreateTableClient(TableName);
    private readonly BlobContainerClient reports = clients.CreateBlobContainerClient(BlobReportStore.ContainerName);

    /// <summary>
    /// Records a signed review: the record beside its version first, then its row, so a listed review
    /// always has its signed record. Recording a review id again (a redelivered message) keeps what was
    /// recorded first and returns it; nothing is overwritten.
    /// </summary>
    public async Task<ReportReview> AddAsync(SignedReview signed, CancellationToken cancellationToken)
    {
        var review = signed.Review;
        // Written by an earlier delivery of the same review, a record stands.
        await reports.GetBlobClient(RecordBlob(review)).TryUploadCreateOnlyAsync(new MemoryStream(signed.Json), "application/json", cancellationToken);
        await reports.GetBlobClient(SignatureBlob(review)).TryUploadCreateOnlyAsync(new MemoryStream(signed.Signature), "application/pkcs7-signature", cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(review), cancellationToken);
            return review;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return (await FindAsync(Month.Parse(review.Month), review.Version, review.ReviewId, cancellationToken))!;
        }
    }

    public async Task<ReportReview?> FindAsync(Month month, int version, string reviewId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(month.ToString(), RowKey(version, reviewId), cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    /// <summary>A month's reviews, by version, then in the order they were signed off.</summary>
    public Task<IReadOnlyList<ReportReview>> ListAsync(Month month, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {month.ToString()}"), cancellationToken);

    /// <summary>Every review of every month, by month, version and time.</summary>
    public Task<IReadOnlyList<ReportReview>> ListAllAsync(CancellationToken cancellationToken) => QueryAsync(filter: null, cancellationToken);

    private async Task<IReadOnlyList<ReportReview>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var reviews = new List<ReportReview>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            reviews.Add(FromEntity(entity));
        }
        return reviews;
    }

    /// <summary>The signed record of a listed review, as it lies beside its version.</summary>
    public async Task<SignedReview> ReadSignedAsync(ReportReview review, CancellationToken cancellationToken)
    {
        var json = (await reports.GetBlobClient(RecordBlob(review)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        var signature = (await reports.GetBlobClient(SignatureBlob(review)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        return new SignedReview(ReportReview.FromUtf8Json(json), json, signature);
    }

    private static string RecordBlob(ReportReview review) => ReviewBlob(review, ReportFileNames.ReviewRecord(review.ReviewId));

    private static string SignatureBlob(ReportReview review) => ReviewBlob(review, ReportFileNames.ReviewSignature(review.ReviewId));

    private static string ReviewBlob(ReportReview review, string fileName) =>
        BlobReportStore.VersionBlobName(Month.Parse(review.Month), review.Version, $"{ReportFileNames.ReviewsFolder}/{fileName}");

    /// <summary>Zero-padded, so a partition's rows sort by version, then by id, which starts with the time.</summary>
    private static string RowKey(int version, string reviewId) => string.Create(CultureInfo.InvariantCulture, $"{version:D9}_{reviewId}");

    private static TableEntity ToEntity(ReportReview review) => new(review.Month, RowKey(review.Version, review.ReviewId))
    {
        [nameof(ReportReview.SchemaVersion)] = review.SchemaVersion,
        [nameof(ReportReview.Version)] = review.Version,
        [nameof(ReportReview.ReviewId)] = review.ReviewId,
        [nameof(ReportReview.EventDigest)] = review.EventDigest,
        [nameof(ReportReview.Reviewer)] = review.Reviewer,
        [nameof(ReportReview.ReviewedAt)] = review.ReviewedAt,
        [nameof(ReportReview.Note)] = review.Note,
        // Exceptions are one line each (ReviewRules), so a line break parts them.
        [nameof(ReportReview.Exceptions)] = string.Join(ExceptionSeparator, review.Exceptions),
        [nameof(ReportReview.RecordedVia)] = review.RecordedVia,
    };

    private static ReportReview FromEntity(TableEntity entity) => new(
        entity.GetInt32(nameof(ReportReview.SchemaVersion))!.Value,
        entity.GetString(nameof(ReportReview.ReviewId)),
        entity.PartitionKey,
        entity.GetInt32(nameof(ReportReview.Version))!.Value,
        entity.GetString(nameof(ReportReview.EventDigest)),
        entity.GetString(nameof(ReportReview.Reviewer)),
        entity.GetDateTimeOffset(nameof(ReportReview.ReviewedAt))!.Value,
        entity.GetString(nameof(ReportReview.Note)),
        entity.GetString(nameof(ReportReview.Exceptions)) is { Length: > 0 } exceptions ? exceptions.Split(ExceptionSeparator) : [],
        entity.GetString(nameof(ReportReview.RecordedVia)));
}
