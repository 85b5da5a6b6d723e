using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Signing;

/// <summary>
/// The certificates reports are signed with, public parts only, in the <c>signing-certificates</c>
/// container: one create-only DER blob per certificate, named by its SHA-256 thumbprint, so a published
/// certificate never changes and past ones stay for verifying old reports; and <c>current.json</c>,
/// naming the one in use and since when.
/// </summary>
public sealed class SigningCertificateStore(StorageClientFactory clients, TimeProvider clock)
{
    public const string ContainerName = "signing-certificates";

    private const string CurrentBlobName = "current.json";
    private const string CertificateSuffix = ".cer";
    private const string PublishedAtKey = "publishedat";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);

    /// <summary>
    /// Publishes <paramref name="certificate"/>'s public part, if it is not published yet, and makes it the
    /// current one, if it is not already; publishing it again changes nothing.
    /// </summary>
    public async Task<PublishedCertificate> PublishAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var thumbprint = Thumbprint(certificate);
        var now = clock.GetUtcNow();
        try
        {
            await container.GetBlobClient(thumbprint + CertificateSuffix).UploadAsync(
                new BinaryData(certificate.RawData),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/pkix-cert" },
                    Metadata = new Dictionary<string, string> { [PublishedAtKey] = now.ToString("O", CultureInfo.InvariantCulture) },
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Named by its thumbprint: the blob there holds these very bytes.
        }
        await MakeCurrentAsync(thumbprint, now, cancellationToken);
        return await ReadCertificateAsync(thumbprint + CertificateSuffix, (await ReadCurrentAsync(cancellationToken)).Record, cancellationToken);
    }

    /// <summary>The certificate reports are signed with now; <c>null</c> before the pipeline has published one.</summary>
    public async Task<PublishedCertificate?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        if (await ReadCurrentAsync(cancellationToken) is not ({ } current, _))
        {
            return null;
        }
        return await ReadCertificateAsync(current.Thumbprint + CertificateSuffix, current, cancellationToken);
    }

    /// <summary>Every published certificate, current and past, in the order they were first published.</summary>
    public async Task<IReadOnlyList<PublishedCertificate>> ListAsync(CancellationToken cancellationToken)
    {
        var (current, _) = await ReadCurrentAsync(cancellationToken);
        var certificates = new List<PublishedCertificate>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Name.EndsWith(CertificateSuffix, StringComparison.Ordinal))
            {
                certificates.Add(await ReadCertificateAsync(blob.Name, current, cancellationToken));
            }
        }
        return certificates.OrderBy(published => published.PublishedAt).ThenBy(published => published.Thumbprint, StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces current.json only as it was read, so of two hosts racing, each ends up having written a whole record.</summary>
    private async Task MakeCurrentAsync(string thumbprint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(CurrentBlobName);
        while (true)
        {
            var (current, etag) = await ReadCurrentAsync(cancellationToken);
            if (current?.Thumbprint == thumbprint)
            {
                return;
            }
            try
            {
                await blob.UploadAsync(
                    new BinaryData(JsonSerializer.SerializeToUtf8Bytes(new CurrentRecord(thumbprint, now), Json)),
                    new BlobUploadOptions
                    {
                        Conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    },
                    cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Another host changed it meanwhile: read it again and decide again.
            }
        }
    }

    private async Task<(CurrentRecord? Record, ETag? ETag)> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(CurrentBlobName).DownloadContentAsync(cancellationToken);
            return (JsonSerializer.Deserialize<CurrentRecord>(content.Value.Content.ToMemory().Span, Json), content.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return (null, null);
        }
    }

    private async Task<PublishedCertificate> ReadCertificateAsync(string blobName, CurrentRecord? current, CancellationToken cancellationToken)
    {
        var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        var certificate = X509CertificateLoader.LoadCertificate(content.Value.Content.ToArray());
        var thumbprint = Thumbprint(certificate);
        var publishedAt = content.Value.Details.Metadata.TryGetValue(PublishedAtKey, out var text)
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : content.Value.Details.LastModified;
        return new PublishedCertificate(thumbprint, certificate, publishedAt, current?.Thumbprint == thumbprint ? current.Since : null);
    }

    private static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    private sealed record CurrentRecord(string Thumbprint, DateTimeOffset Since);
}
