using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Events;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Ingestion;

/// <summary>Takes one queue message of PrivX events into the event store.</summary>
public sealed partial class AuditEventIngestion(TableEventStore store, ILogger<AuditEventIngestion> logger)
{
    /// <summary>
    /// Stores the message's events once each. Input that is not PrivX events throws
    /// <see cref="InvalidAuditEventException"/>, so the queue retries it and then keeps it in the poison queue:
    /// nothing is dropped.
    /// </summary>
    public async Task<AppendResult> IngestAsync(string messageBody, CancellationToken cancellationToken)
    {
        var events = PrivXEventParser.ParseMessage(messageBody);
        var result = await store.AppendAsync(events, cancellationToken);
        LogIngested(result.Stored, result.Duplicates);
        return result;
    }

    // Counts only: event payloads carry user names and addresses and stay out of logs.
    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested a message: {Stored} events stored, {Duplicates} duplicates")]
    private partial void LogIngested(int stored, int duplicates);
}
