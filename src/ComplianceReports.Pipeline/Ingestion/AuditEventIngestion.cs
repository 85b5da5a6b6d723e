using System.Globalization;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Pipeline.Alerts;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Ingestion;

/// <summary>
/// Takes one queue message into the event store: each event stored once, each refused item quarantined
/// with its reason. A storage failure is thrown, so the queue retries the message and finally moves it
/// to the poison queue; nothing is dropped either way.
/// </summary>
public sealed partial class AuditEventIngestion(
    TableEventStore store,
    QuarantineStore quarantine,
    IngestReceipts receipts,
    IngestBlobs exports,
    Alerting alerting,
    TimeProvider clock,
    ILogger<AuditEventIngestion> logger)
{
    /// <summary>Events per append while streaming an export: a few transactions' worth, so memory stays flat.</summary>
    private const int ChunkSize = 1000;

    /// <summary>
    /// Chunks appended at once while the next is read: one chunk alone leaves the store idle while it is
    /// parsed, and waits on its last transaction before the next begins.
    /// </summary>
    private const int ChunksInFlight = 3;

    public async Task<IngestionOutcome> IngestAsync(string messageBody, string messageId, CancellationToken cancellationToken)
    {
        var message = AuditMessageReader.Read(messageBody);
        var outcome = message.BlobName is { } blobName
            ? await IngestExportAsync(message.BatchId!, blobName, messageId, cancellationToken)
            : await IngestItemsAsync(Numbered(message.Items), knownDuplicates: 0, message.BatchId, messageId, cancellationToken);

        if (message.BatchId is { } batchId)
        {
            await receipts.RecordAsync(new IngestReceipt(batchId, outcome.Stored, outcome.Duplicates, outcome.Quarantined, clock.GetUtcNow(), message.BlobName), cancellationToken);
        }
        LogIngested(messageId, message.BatchId ?? "-", outcome.Stored, outcome.Duplicates, outcome.Quarantined);
        return outcome;
    }

    private async Task<IngestionOutcome> IngestExportAsync(string batchId, string blobName, string messageId, CancellationToken cancellationToken)
    {
        await using var export = await exports.OpenReadAsync(blobName, cancellationToken);
        if (export is null)
        {
            // A redelivery after the export was taken in and deleted finds its receipt, for this very
            // export; anything else is refused.
            if (await receipts.FindAsync(batchId, cancellationToken) is { Blob: var done } receipt && done == blobName)
            {
                return new IngestionOutcome(0, receipt.Stored + receipt.Duplicates, receipt.Quarantined);
            }
            var missing = new RejectedItem(AuditMessageReader.WholeMessage, $"The export '{blobName}' is not in the ingest container.", blobName);
            return await IngestItemsAsync(Numbered([missing]), knownDuplicates: 0, batchId, messageId, cancellationToken);
        }

        var outcome = IngestionOutcome.None;
        var appending = new Queue<Task<IngestionOutcome>>();
        // A later copy of an event already read from this export is a duplicate known without asking the
        // store, as an overlapping pull or a re-sent line makes them: 128 bits of its SHA-256 identity
        // (a collision among a billion events has odds below 10^-20); by estimate 30–70 MB for a million events.
        var read = new HashSet<UInt128>();
        var chunk = new List<(ItemReading Item, int Position)>(ChunkSize);
        var repeated = 0;
        var position = 0;
        try
        {
            await foreach (var item in AuditItemStream.ReadAsync(export.Content, cancellationToken))
            {
                if (item is ReadEvent { Event: var auditEvent } && !read.Add(UInt128.Parse(auditEvent.Identity.AsSpan(0, 32), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)))
                {
                    repeated++;
                }
                else
                {
                    chunk.Add((item, position));
                }
                position++;
                if (chunk.Count == ChunkSize)
                {
                    if (appending.Count == ChunksInFlight)
                    {
                        outcome += await appending.Dequeue();
                    }
                    appending.Enqueue(IngestItemsAsync(chunk, repeated, batchId, messageId, cancellationToken));
                    chunk = new List<(ItemReading Item, int Position)>(ChunkSize);
                    repeated = 0;
                }
            }
            appending.Enqueue(IngestItemsAsync(chunk, repeated, batchId, messageId, cancellationToken));
            while (appending.Count > 0)
            {
                outcome += await appending.Dequeue();
            }
        }
        finally
        {
            // A failed chunk fails the message, but only once no other chunk still writes: the retry
            // must not race this attempt's own transactions.
            await ((Task)Task.WhenAll(appending)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        // An export with refused items stays as the evidence of what was refused (past a syntax error,
        // the rest of it is only there); one fully taken in has served its purpose.
        if (outcome.Quarantined == 0)
        {
            if (!await exports.DeleteAsync(export, cancellationToken))
            {
                LogExportKept(messageId, blobName);
            }
        }
        return outcome;
    }

    private static List<(ItemReading Item, int Position)> Numbered(IEnumerable<ItemReading> items) =>
        items.Select((item, position) => (item, position)).ToList();

    /// <param name="items">Each item with its position in the message or export, which a quarantine record names.</param>
    /// <param name="knownDuplicates">Copies of events among them already read from the same export, left out of <paramref name="items"/>.</param>
    private async Task<IngestionOutcome> IngestItemsAsync(
        IReadOnlyList<(ItemReading Item, int Position)> items, int knownDuplicates, string? batchId, string messageId, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>(items.Count);
        var refused = new List<QuarantinedItem>();
        var now = clock.GetUtcNow();
        foreach (var (item, position) in items)
        {
            switch (item)
            {
                case ReadEvent read:
                    events.Add(read.Event);
                    break;
                case RejectedItem rejected:
                    refused.Add(new QuarantinedItem(messageId, position, batchId, rejected.Where, rejected.Reason, rejected.OriginalText, now));
                    break;
            }
        }

        var appended = events.Count > 0 ? await store.AppendAsync(events, cancellationToken) : new AppendResult(0, 0);
        await quarantine.AddAsync(refused, cancellationToken);
        await alerting.IngestedAsync(events, messageId, items.Count > 0 ? items[0].Position : 0, refused.Count, cancellationToken);
        foreach (var item in refused)
        {
            // A reason may quote the input (a property name, a value): it is logged made safe.
            LogQuarantined(messageId, item.Where, UntrustedText.ForLog(item.Reason, maxLength: 500));
        }
        return new IngestionOutcome(appended.Stored, appended.Duplicates + knownDuplicates, refused.Count);
    }

    // Counts and reasons only: event payloads carry user names and addresses and stay out of logs.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Message {MessageId} (batch {BatchId}): {Stored} events stored, {Duplicates} duplicates, {Quarantined} quarantined")]
    private partial void LogIngested(string messageId, string batchId, int stored, int duplicates, int quarantined);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}: export {BlobName} was replaced or removed after it was read; whatever is there now is left for its own message")]
    private partial void LogExportKept(string messageId, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}: quarantined {Where}: {Reason}")]
    private partial void LogQuarantined(string messageId, string where, string reason);
}
