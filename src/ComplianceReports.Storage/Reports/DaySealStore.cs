using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Reports;

/// <summary>
/// Sealed days in Blob Storage, each written once and kept:
/// <c>day-seals/{scope}/{YYYY-MM}/{YYYY-MM-DD}/{markers}.json</c>, named by the sum of the change-marker
/// sequences it was read at, so a day's newest seal sorts last, and its evidence chunk
/// <c>…/{YYYY-MM-DD}/chunks/{sha256}.csv.gz</c>, named by its content.
/// </summary>
public sealed class DaySealStore(StorageClientFactory clients)
{
    public const string ContainerName = "day-seals";

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);

    /// <summary>The newest seal of each day of the month that has one, in the scope given.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, DaySeal>> ReadNewestAsync(string scope, Month month, CancellationToken cancellationToken)
    {
        var newest = new SortedDictionary<DateOnly, string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{scope}/{month}/" }, cancellationToken))
        {
            var parts = blob.Name.Split('/');
            if (parts.Length == 4 && parts[3].EndsWith(".json", StringComparison.Ordinal)
                && DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && (!newest.TryGetValue(date, out var kept) || string.CompareOrdinal(blob.Name, kept) > 0))
            {
                newest[date] = blob.Name;
            }
        }
        var seals = new Dictionary<DateOnly, DaySeal>();
        await Parallel.ForEachAsync(newest, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (entry, token) =>
        {
            var content = (await container.GetBlobClient(entry.Value).DownloadContentAsync(token)).Value.Content;
            var seal = DaySeal.FromUtf8Json(content.ToMemory().Span);
            lock (seals)
            {
                seals[entry.Key] = seal;
            }
        });
        return seals;
    }

    /// <summary>
    /// Writes a seal, its chunk first: both create-only. A seal already written under the same markers
    /// (by another generator) stays as it is; the caller's own rollup still serves the version it is
    /// making. Returns the seal as stored, naming its chunk.
    /// </summary>
    /// <param name="chunk">The day's evidence rows as one gzip member, or <c>null</c> for a day without events.</param>
    public async Task<DaySeal> WriteAsync(DaySeal seal, Stream? chunk, CancellationToken cancellationToken)
    {
        var folder = string.Create(CultureInfo.InvariantCulture, $"{seal.Scope}/{seal.Date:yyyy-MM}/{seal.Date:yyyy-MM-dd}");
        var stored = seal;
        if (chunk is not null)
        {
            chunk.Position = 0;
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(chunk, cancellationToken));
            chunk.Position = 0;
            var chunkName = $"{folder}/chunks/{sha}.csv.gz";
            // Named by its content: one there already holds these bytes.
            await container.GetBlobClient(chunkName).TryUploadCreateOnlyAsync(chunk, "application/gzip", cancellationToken);
            stored = seal with { Chunk = chunkName, ChunkSha256 = sha };
        }
        // A day's seals record the same markers, each of which only grows: a later read has a higher sum
        // unless nothing changed, and one already there under the same sum seals the same events.
        var markers = stored.Markers.Values.Sum().ToString("D19", CultureInfo.InvariantCulture);
        await container.GetBlobClient($"{folder}/{markers}.json").TryUploadCreateOnlyAsync(new MemoryStream(stored.ToUtf8Json()), "application/json", cancellationToken);
        return stored;
    }

    /// <summary>Appends a seal's chunk to <paramref name="output"/>, refusing one whose bytes are not those sealed.</summary>
    public async Task CopyChunkAsync(DaySeal seal, Stream output, CancellationToken cancellationToken)
    {
        if (seal.Chunk is null)
        {
            return;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var content = await container.GetBlobClient(seal.Chunk).OpenReadAsync(cancellationToken: cancellationToken);
        var buffer = new byte[256 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        RefuseUnlessSealed(seal, hash.GetHashAndReset());
    }

    /// <summary>A seal's evidence rows, in set order, refusing a chunk whose bytes are not those sealed.</summary>
    public async IAsyncEnumerable<EvidenceRow> ReadChunkAsync(DaySeal seal, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (seal.Chunk is null)
        {
            yield break;
        }
        // A day's chunk is a few megabytes: held whole, it is checked before a row of it is used.
        var content = (await container.GetBlobClient(seal.Chunk).DownloadContentAsync(cancellationToken)).Value.Content;
        RefuseUnlessSealed(seal, SHA256.HashData(content.ToMemory().Span));
        await foreach (var row in EvidenceCsv.ReadChunkAsync(content.ToStream(), cancellationToken))
        {
            yield return row;
        }
    }

    private static void RefuseUnlessSealed(DaySeal seal, byte[] sha256)
    {
        if (Convert.ToHexStringLower(sha256) != seal.ChunkSha256)
        {
            throw new InvalidDataException($"The evidence chunk {seal.Chunk} of the sealed day {seal.Date:yyyy-MM-dd} is not the one sealed: its SHA-256 differs.");
        }
    }
}
