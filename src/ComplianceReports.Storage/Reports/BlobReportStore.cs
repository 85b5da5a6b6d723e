using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Reports;

/// <summary>
/// Report versions in Blob Storage under <c>reports/{YYYY-MM}/v{N}/</c>. A version is published by its
/// manifest, written last and only if absent; nothing is ever overwritten once published.
/// </summary>
public sealed partial class BlobReportStore(StorageClientFactory clients)
{
    public const string ContainerName = "reports";

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);
    private readonly OnceAsync created = new();

    [GeneratedRegex(@"^\d{4}-\d{2}/v([1-9]\d{0,8})/manifest\.json$")]
    private static partial Regex ManifestName();

    /// <summary>The published versions of a month, oldest first.</summary>
    public Task<IReadOnlyList<ReportManifest>> ListVersionsAsync(Month month, CancellationToken cancellationToken) =>
        ListAsync($"{month}/", cancellationToken);

    /// <summary>Every published version of every month, by month then version.</summary>
    public Task<IReadOnlyList<ReportManifest>> ListAllAsync(CancellationToken cancellationToken) =>
        ListAsync(prefix: null, cancellationToken);

    private async Task<IReadOnlyList<ReportManifest>> ListAsync(string? prefix, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var names = new List<(string Month, int Version, string Name)>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            if (ManifestName().Match(blob.Name) is { Success: true } match)
            {
                names.Add((blob.Name[..7], int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), blob.Name));
            }
        }

        var manifests = new List<ReportManifest>(names.Count);
        foreach (var (_, _, name) in names.OrderBy(n => n.Month, StringComparer.Ordinal).ThenBy(n => n.Version))
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            manifests.Add(ReportManifest.FromUtf8Json(content.Value.Content.ToMemory().Span));
        }
        return manifests;
    }

    public async Task<ReportManifest?> GetLatestAsync(Month month, CancellationToken cancellationToken) =>
        (await ListVersionsAsync(month, cancellationToken)).LastOrDefault();

    /// <summary>Writes the files of a new version, then its manifest; throws <see cref="ReportVersionConflictException"/> if the version exists.</summary>
    public async Task PublishAsync(ReportManifest manifest, IReadOnlyDictionary<string, BinaryData> files, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var month = Month.Parse(manifest.Month);
        var manifestBlob = container.GetBlobClient(BlobName(month, manifest.Version, ReportFileNames.Manifest));
        if (await manifestBlob.ExistsAsync(cancellationToken))
        {
            // Published already: its files belong to it now and must not be overwritten.
            throw new ReportVersionConflictException(manifest.Month, manifest.Version);
        }

        foreach (var (name, content) in files)
        {
            // Unpublished files may be left over by a writer that died before its manifest; overwriting them is safe.
            await container.GetBlobClient(BlobName(month, manifest.Version, name))
                .UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(name) } }, cancellationToken);
        }

        try
        {
            await manifestBlob.UploadAsync(
                new BinaryData(manifest.ToUtf8Json()),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            throw new ReportVersionConflictException(manifest.Month, manifest.Version);
        }
    }

    /// <summary>Opens a file of a published version: taking the manifest keeps readers away from unpublished files.</summary>
    public Task<Stream> OpenFileAsync(ReportManifest manifest, string fileName, CancellationToken cancellationToken)
    {
        if (!manifest.Files.Contains(fileName))
        {
            throw new ArgumentException($"Version {manifest.Version} of the {manifest.Month} report has no file '{fileName}'.", nameof(fileName));
        }
        return container.GetBlobClient(BlobName(Month.Parse(manifest.Month), manifest.Version, fileName)).OpenReadAsync(cancellationToken: cancellationToken);
    }

    private static string BlobName(Month month, int version, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{month}/v{version}/{fileName}");

    private static string ContentType(string fileName) => Path.GetExtension(fileName) switch
    {
        ".pdf" => "application/pdf",
        ".json" => "application/json",
        ".gz" => "application/gzip",
        _ => "application/octet-stream",
    };

    private Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        created.RunAsync(() => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
}
