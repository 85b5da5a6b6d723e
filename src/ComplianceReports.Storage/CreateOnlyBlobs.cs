using System.Net;
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

    /// <summary>
    /// Uploads unless the name is taken, and then leaves what is there: for content named by what it
    /// holds, or written again by a redelivery of the same message. Returns whether this call wrote it.
    /// </summary>
    public static async Task<bool> TryUploadCreateOnlyAsync(this BlobClient blob, Stream content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadCreateOnlyAsync(content, contentType, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}
