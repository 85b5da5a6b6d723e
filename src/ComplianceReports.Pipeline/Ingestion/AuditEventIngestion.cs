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

    public async Task<IngestionOutcome> IngestAsync(string messageBody, string messageId, CancellationToken cancellationToken)
    {
        var message = AuditMessageReader.Read(messageBody);
        var outcome = message.BlobName is { } blobName
            ? await IngestExportAsync(message.BatchId!, blobName, messageId, cancellationToken)
            : await IngestItemsAsync(message.Items, message.BatchId, messageId, firstPosition: 0, cancellationToken);

        if (message.BatchId is { } batchId)
        {
            await receipts.RecordAsync(new IngestReceipt(batchId, outcome.Stored, outcome.Duplicates, outcome.Quarantined, clock.GetUtcNow()), cancellationToken);
        }
        LogIngested(messageId, message.BatchId ?? "-", outcome.Stored, outcome.Duplicates, outcome.Quarantined);
        return outcome;
    }

    private async Task<IngestionOutcome> IngestExportAsync(string batchId, string blobName, string messageId, CancellationToken cancellationToken)
    {
        await using var export = await exports.OpenReadAsync(blobName, cancellationToken);
        if (export is null)
        {
            // A redelivery after the export was taken in and deleted finds its receipt; anything else is refused.
            if (await receipts.FindAsync(batchId, cancellationToken) is { } done)
            {
                return new IngestionOutcome(0, done.Stored + done.Duplicates, done.Quarantined);
            }
            var missing = new RejectedItem(AuditMessageReader.WholeMessage, $"The export '{blobName}' is not in the ingest container.", blobName);
            return await IngestItemsAsync([missing], batchId, messageId, firstPosition: 0, cancellationToken);
        }

        var outcome = IngestionOutcome.None;
        var chunk = new List<ItemReading>(ChunkSize);
        var position = 0;
        await foreach (var item in AuditItemStream.ReadAsync(export, cancellationToken))
        {
            chunk.Add(item);
            if (chunk.Count == ChunkSize)
            {
                outcome += await IngestItemsAsync(chunk, batchId, messageId, position, cancellationToken);
                position += chunk.Count;
                chunk.Clear();
            }
        }
        outcome += await IngestItemsAsync(chunk, batchId, messageId, position, cancellationToken);
        // An export with refused items stays as the evidence of what was refused (past a syntax error,
        // the rest of it is only there); one fully taken in has served its purpose.
        if (outcome.Quarantined == 0)
        {
            await exports.DeleteAsync(blobName, cancellationToken);
        }
        return outcome;
    }

    private async Task<IngestionOutcome> IngestItemsAsync(
        IReadOnlyCollection<ItemReading> items, string? batchId, string messageId, int firstPosition, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>(items.Count);
        var refused = new List<QuarantinedItem>();
        var now = clock.GetUtcNow();
        var position = firstPosition;
        foreach (var item in items)
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
            position++;
        }

        var appended = events.Count > 0 ? await store.AppendAsync(events, cancellationToken) : new AppendResult(0, 0);
        await quarantine.AddAsync(refused, cancellationToken);
        await alerting.IngestedAsync(events, messageId, firstPosition, refused.Count, cancellationToken);
        foreach (var item in refused)
        {
            LogQuarantined(messageId, item.Where, item.Reason);
        }
        return new IngestionOutcome(appended.Stored, appended.Duplicates, refused.Count);
    }

    // Counts and reasons only: event payloads carry user names and addresses and stay out of logs.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Message {MessageId} (batch {BatchId}): {Stored} events stored, {Duplicates} duplicates, {Quarantined} quarantined")]
    private partial void LogIngested(string messageId, string batchId, int stored, int duplicates, int quarantined);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}: quarantined {Where}: {Reason}")]
    private partial void LogQuarantined(string messageId, string where, string reason);
}
