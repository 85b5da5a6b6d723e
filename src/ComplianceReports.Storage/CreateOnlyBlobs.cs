using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ComplianceReports.Storage;

/// <summary>Blobs written once and never overwritten: the upload fails with 409 if the name is taken.</summary>
internal static class CreateOnlyBlobs
{
    public static Task UploadCreateOnlyAsync(this BlobClient blob, Stream content, string contentType, CancellationToken cancellationToken) =>
        blob.UploadAsync(
            content,
            new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            },
            cancellationToken);
}
