using System.Net;
using Azure;
using Azure.Storage.Blobs;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Ingestion;

/// <summary>
/// The ingest container: exports too big for a queue message, referenced by name from an envelope. Only
/// names inside this container are ever opened.
/// </summary>
public sealed class IngestBlobs(StorageClientFactory clients)
{
    public const string ContainerName = "ingest";

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);

    public async Task UploadAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        await Blob(name).UploadAsync(content, overwrite: true, cancellationToken);
    }

    /// <summary>The export's content, streamed; <c>null</c> when there is no such blob.</summary>
    public async Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await Blob(name).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Once its events are stored (or quarantined), an export has served its purpose.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        await Blob(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private BlobClient Blob(string name) =>
        IngestBlobName.IsValid(name)
            ? container.GetBlobClient(name)
            : throw new ArgumentException($"'{name}' is not a blob name in the ingest container: {IngestBlobName.Rule}", nameof(name));
}
