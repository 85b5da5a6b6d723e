using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Ingestion;

namespace ComplianceReports.Storage.Queues;

/// <summary>
/// The producer's side of the ingestion queue. Everything goes out in envelopes with batch ids, so the
/// pipeline writes a receipt for each batch that the producer can wait for.
/// </summary>
public sealed class AuditEventQueue(StorageClientFactory clients)
{
    /// <summary>
    /// Above a few messages' worth, one export blob and one message beat many messages: Azurite's queue
    /// deletes slow down with depth, and the pipeline streams an export in flat memory.
    /// </summary>
    private const long ExportAboveBytes = 4L * MessagePacking.MaxMessageJsonBytes;

    /// <summary>How far the NDJSON writer runs ahead of the upload before it waits.</summary>
    private const int ExportFlushBytes = 64 * 1024;

    private readonly QueueClient queue = clients.CreateQueueClient(QueueNames.AuditEvents);
    private readonly QueueClient poison = clients.CreateQueueClient(QueueNames.Poison(QueueNames.AuditEvents));
    private readonly IngestBlobs exports = new(clients);

    /// <summary>
    /// A short id, unique enough for one producer's sends, that sorts by time and leaves room for the
    /// batch number within a batch id's 128 characters.
    /// </summary>
    public static string NewSendId() =>
        $"{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";

    /// <summary>
    /// Whether items of these sizes go in envelopes (<see cref="SendBatchesAsync"/>) rather than one
    /// export (<see cref="SendExportAsync"/>): at most a few messages' worth, and no item too big for one.
    /// </summary>
    public static bool FitsInMessages(long totalBytes, int largestItemBytes) =>
        totalBytes <= ExportAboveBytes && largestItemBytes <= MessagePacking.MaxItemJsonBytes;

    /// <summary>Sends the items in envelopes, or as one export when they do not fit in a few messages; returns the batch ids.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(IReadOnlyCollection<string> itemsJson, string sendId, CancellationToken cancellationToken)
    {
        var sizes = itemsJson.Select(item => Encoding.UTF8.GetByteCount(item)).ToList();
        return FitsInMessages(sizes.Sum(size => (long)size), sizes.DefaultIfEmpty(0).Max())
            ? await SendBatchesAsync(itemsJson, sendId, sentMessages: null, cancellationToken)
            : [await SendExportAsync(itemsJson, sendId, cancellationToken)];
    }

    /// <summary>Sends the items (each one PrivX event as JSON) in as few envelopes as fit; returns their batch ids.</summary>
    public async Task<IReadOnlyList<string>> SendBatchesAsync(
        IEnumerable<string> itemsJson, string sendId, IProgress<int>? sentMessages, CancellationToken cancellationToken)
    {
        var batchIds = new List<string>();
        foreach (var (batchId, json) in MessagePacking.PackEnvelopes(itemsJson, sendId))
        {
            await queue.SendMessageAsync(json, visibilityTimeout: null, QueueNames.NeverExpires, cancellationToken);
            batchIds.Add(batchId);
            sentMessages?.Report(batchIds.Count);
        }
        return batchIds;
    }

    /// <summary>
    /// Uploads the items as one NDJSON export to the ingest container and sends a single envelope naming
    /// it; returns that envelope's batch id. For inputs too big for a few messages. <paramref name="folder"/>
    /// puts it below a producer's own path, the only one that producer may write in Azure.
    /// </summary>
    public Task<string> SendExportAsync(IEnumerable<string> itemsJson, string sendId, CancellationToken cancellationToken, string? folder = null) =>
        SendExportAsync(itemsJson.ToAsyncEnumerable(), sendId, cancellationToken, folder);

    /// <summary>
    /// As above, for items still being read: the upload takes each as it comes, so reading and uploading
    /// overlap. The export is committed, and the envelope sent, only once the items end; if they fail
    /// instead, neither happens.
    /// </summary>
    public async Task<string> SendExportAsync(IAsyncEnumerable<string> itemsJson, string sendId, CancellationToken cancellationToken, string? folder = null)
    {
        var blobName = string.IsNullOrWhiteSpace(folder) ? $"{sendId}.ndjson" : $"{folder.Trim('/')}/{sendId}.ndjson";
        var pipe = new Pipe();
        var writing = Task.Run(() => WriteNdjsonAsync(itemsJson, pipe.Writer, cancellationToken), cancellationToken);
        await using (var content = pipe.Reader.AsStream())
        {
            await exports.UploadAsync(blobName, content, cancellationToken);
        }
        await writing;

        var batchId = $"{sendId}-export";
        await queue.SendMessageAsync(new IngestEnvelope(batchId, Blob: blobName).ToJson(), visibilityTimeout: null, QueueNames.NeverExpires, cancellationToken);
        return batchId;
    }

    /// <summary>The batch ids among <paramref name="batchIds"/> whose message the host gave up on and moved to the poison queue.</summary>
    public async Task<IReadOnlyList<string>> FindPoisonedAsync(IReadOnlyCollection<string> batchIds, CancellationToken cancellationToken)
    {
        // Peeking leaves dequeue counts and visibility alone, but it sees only the oldest 32 poison
        // messages: a batch poisoned behind 32 older ones goes unnoticed here (and times out instead).
        PeekedMessage[] peeked;
        try
        {
            peeked = (await poison.PeekMessagesAsync(maxMessages: 32, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return [];
        }
        catch (FormatException)
        {
            // One message another producer put there without base64 fails the whole peek; the batches
            // then go unnoticed here rather than failing the caller, who still sees their receipts.
            return [];
        }
        var wanted = batchIds.ToHashSet(StringComparer.Ordinal);
        return peeked
            .Select(message => IngestEnvelope.TryFromJson(message.Body.ToString())?.BatchId)
            .Where(batchId => batchId is not null && wanted.Contains(batchId))
            .Select(batchId => batchId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task WriteNdjsonAsync(IAsyncEnumerable<string> itemsJson, PipeWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in itemsJson.WithCancellation(cancellationToken))
            {
                // Line breaks in JSON text can only be white space between tokens (strings escape
                // them), so blanking them puts a pretty-printed item on one line without changing it.
                Encoding.UTF8.GetBytes(item.Replace('\r', ' ').Replace('\n', ' '), writer);
                writer.Write("\n"u8);
                if (writer.UnflushedBytes >= ExportFlushBytes && (await writer.FlushAsync(cancellationToken)).IsCompleted)
                {
                    break; // The upload stopped reading: it failed, and says why.
                }
            }
            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e);
            throw;
        }
    }
}
