using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Reports;

/// <summary>
/// Report versions in Blob Storage: <c>reports/{YYYY-MM}/v{N}/manifest.json</c> naming the version's
/// files, <c>{YYYY-MM}/v{N}/{attempt}/{name}</c>. A version is published by its manifest, written last;
/// every blob is written only if absent, so nothing is ever overwritten.
/// </summary>
public sealed partial class BlobReportStore(StorageClientFactory clients)
{
    public const string ContainerName = "reports";

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);

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
        var manifests = new List<ReportManifest>();
        foreach (var name in await ManifestNamesAsync(prefix, cancellationToken))
        {
            manifests.Add(await ReadManifestAsync(name.Blob, cancellationToken));
        }
        return manifests;
    }

    /// <summary>The latest version of a month: its versions are listed by name, and only the newest manifest is read.</summary>
    public async Task<ReportManifest?> GetLatestAsync(Month month, CancellationToken cancellationToken) =>
        await ManifestNamesAsync($"{month}/", cancellationToken) is [.., var latest]
            ? await ReadManifestAsync(latest.Blob, cancellationToken)
            : null;

    /// <summary>Whether a month has any published version: its manifests are listed by name, none is read.</summary>
    public async Task<bool> HasVersionAsync(Month month, CancellationToken cancellationToken) =>
        (await ManifestNamesAsync($"{month}/", cancellationToken)).Count > 0;

    /// <summary>Every manifest's blob name under the prefix, by month then version: names only, no content.</summary>
    private async Task<List<(string Month, int Version, string Blob)>> ManifestNamesAsync(string? prefix, CancellationToken cancellationToken)
    {
        var names = new List<(string Month, int Version, string Blob)>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            if (ManifestName().Match(blob.Name) is { Success: true } match)
            {
                names.Add((blob.Name[..7], int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), blob.Name));
            }
        }
        return names.OrderBy(name => name.Month, StringComparer.Ordinal).ThenBy(name => name.Version).ToList();
    }

    private async Task<ReportManifest> ReadManifestAsync(string blobName, CancellationToken cancellationToken) =>
        ReportManifest.FromUtf8Json((await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToMemory().Span);

    /// <summary>
    /// Publishes a new version: each file create-only under a fresh attempt's folder, then the manifest,
    /// create-only, naming them. The lease is renewed before every write, so a generator that lost its
    /// month stops with <see cref="MonthLeaseLostException"/> before publishing anything; the files of
    /// an attempt without a manifest are never listed or read. Throws
    /// <see cref="ReportVersionConflictException"/> if the version exists. Returns the published manifest.
    /// </summary>
    public async Task<ReportManifest> PublishAsync(ReportManifest manifest, IReadOnlyList<ReportFile> files, MonthLease lease, CancellationToken cancellationToken)
    {
        var month = Month.Parse(manifest.Month);
        var manifestBlob = container.GetBlobClient(VersionBlobName(month, manifest.Version, ReportFileNames.Manifest));
        if (await manifestBlob.ExistsAsync(cancellationToken))
        {
            throw new ReportVersionConflictException(manifest.Month, manifest.Version);
        }

        // Each attempt writes to a folder of its own, so no attempt meets another's files, published or not.
        var attempt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var blobNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var blobName = string.Create(CultureInfo.InvariantCulture, $"{month}/v{manifest.Version}/{attempt}/{file.Name}");
            await lease.EnsureHeldAsync(cancellationToken);
            await container.GetBlobClient(blobName).UploadCreateOnlyAsync(file.Content, ReportFileNames.ContentTypeOf(file.Name), cancellationToken);
            blobNames.Add(file.Name, blobName);
        }

        var published = manifest with { Files = blobNames };
        await lease.EnsureHeldAsync(cancellationToken);
        try
        {
            await manifestBlob.UploadCreateOnlyAsync(new MemoryStream(published.ToUtf8Json()), "application/json", cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            throw new ReportVersionConflictException(manifest.Month, manifest.Version);
        }
        return published;
    }

    /// <summary>Opens a file of a published version by its logical name: only the manifest says where its files are.</summary>
    public Task<Stream> OpenFileAsync(ReportManifest manifest, string fileName, CancellationToken cancellationToken)
    {
        if (!manifest.Files.TryGetValue(fileName, out var blobName))
        {
            throw new ArgumentException($"Version {manifest.Version} of the {manifest.Month} report has no file '{fileName}'.", nameof(fileName));
        }
        return container.GetBlobClient(blobName).OpenReadAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The one place a version's folder is laid out: <c>{YYYY-MM}/v{N}/{file}</c>.</summary>
    internal static string VersionBlobName(Month month, int version, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{month}/v{version}/{fileName}");
}
