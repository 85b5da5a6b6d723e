using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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

    /// <summary>
    /// The export's content, streamed, with the version read; <c>null</c> when there is no such blob. The
    /// read is held to that version, so a blob replaced meanwhile fails the read rather than mixing two.
    /// </summary>
    public async Task<OpenedExport?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var blob = Blob(name);
        try
        {
            var version = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
            var content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: true) { Conditions = new BlobRequestConditions { IfMatch = version } }, cancellationToken);
            return new OpenedExport(name, version, content);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Once its events are stored, an export has served its purpose: the version read is deleted, never
    /// one a producer uploaded under the same name since, which waits for its own message.
    /// </summary>
    /// <returns><c>false</c> when the blob is gone or holds another version.</returns>
    public async Task<bool> DeleteAsync(OpenedExport export, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(export.Name).DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = export.Version }, cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    private BlobClient Blob(string name) =>
        IngestBlobName.IsValid(name)
            ? container.GetBlobClient(name)
            : throw new ArgumentException($"'{name}' is not a blob name in the ingest container: {IngestBlobName.Rule}", nameof(name));
}

/// <summary>An export opened for reading: its content and the version (ETag) it was read at.</summary>
public sealed record OpenedExport(string Name, ETag Version, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
