using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class IngestAuditEventsFunction(AuditEventIngestion ingestion)
{
    public const string Name = "IngestAuditEvents";

    /// <summary>
    /// Refused items are quarantined and the rest stored; a message that throws (storage unavailable) is
    /// retried, then moved to <c>audit-events-poison</c> by the host.
    /// </summary>
    /// <param name="id">The queue message's id (trigger metadata), which keys its quarantined items.</param>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.AuditEvents)] string message, string id, CancellationToken cancellationToken) =>
        ingestion.IngestAsync(message, id, cancellationToken);
}
