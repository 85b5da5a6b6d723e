using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Pipeline.Poison;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class IngestAuditEventsFunction(AuditEventIngestion ingestion, FailedAttempts attempts)
{
    public const string Name = "IngestAuditEvents";

    /// <summary>
    /// Refused items are quarantined and the rest stored; a message that throws (storage unavailable) is
    /// retried, then moved to <c>audit-events-poison</c> by the host, its last error noted for the poison record.
    /// </summary>
    /// <param name="id">The queue message's id (trigger metadata), which keys its quarantined items.</param>
    /// <param name="dequeueCount">Which attempt this is (trigger metadata).</param>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.AuditEvents)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        attempts.RunAsync(QueueNames.AuditEvents, message, dequeueCount, () => ingestion.IngestAsync(message, id, cancellationToken), cancellationToken);
}
