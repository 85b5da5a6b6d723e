using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace ComplianceReports.Storage;

/// <summary>
/// Text kept in a table property when it fits, else in a blob the row names: a property holds 64 KiB,
/// that is 32,768 UTF-16 characters, and the rest of the row needs room beside it.
/// </summary>
public sealed class OverflowText(BlobContainerClient container)
{
    public const int MaxInlineLength = 30_000;

    private static bool FitsInline(string text) => text.Length <= MaxInlineLength;

    /// <summary>Puts <paramref name="text"/> in <paramref name="inlineProperty"/>, or too long, in blob <paramref name="blobName"/> named by <paramref name="blobProperty"/>.</summary>
    public async Task StoreAsync(TableEntity entity, string inlineProperty, string blobProperty, string text, string blobName, CancellationToken cancellationToken)
    {
        if (FitsInline(text))
        {
            entity[inlineProperty] = text;
            return;
        }
        // Create-only: blob names come from the row's keys, so a redelivered item finds its own bytes
        // there; anything else under the name is never overwritten, and refused.
        var blob = container.GetBlobClient(blobName);
        var content = BinaryData.FromString(text);
        try
        {
            await blob.UploadAsync(content, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var existing = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
            if (!existing.ToMemory().Span.SequenceEqual(content.ToMemory().Span))
            {
                throw new InvalidOperationException($"Blob {container.Name}/{blobName} already holds other content; it is never overwritten.", e);
            }
        }
        entity[blobProperty] = blobName;
    }

    /// <summary>The text a row holds inline or names in a blob; <c>null</c> if it holds neither.</summary>
    public async Task<string?> ReadAsync(TableEntity entity, string inlineProperty, string blobProperty, CancellationToken cancellationToken) =>
        entity.GetString(blobProperty) is { } blobName
            ? (await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToString()
            : entity.GetString(inlineProperty);

    /// <summary>Deletes the blob a row's text overflowed into, if it did: for stores whose rows may go.</summary>
    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
