using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class IngestAuditEventsFunction(AuditEventIngestion ingestion)
{
    public const string Name = "IngestAuditEvents";

    /// <summary>A message that throws is retried, then moved to <c>audit-events-poison</c> by the host.</summary>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.AuditEvents)] string message, CancellationToken cancellationToken) =>
        ingestion.IngestAsync(message, cancellationToken);
}
