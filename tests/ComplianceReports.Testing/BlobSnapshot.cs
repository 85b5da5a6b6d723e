using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ComplianceReports.Testing;

/// <summary>The blobs under a prefix, name to content, to show that nothing of them changed.</summary>
public static class BlobSnapshot
{
    public static async Task<Dictionary<string, string>> TakeAsync(BlobContainerClient container, string prefix)
    {
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            blobs[blob.Name] = Convert.ToBase64String((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray());
        }
        return blobs;
    }
}
