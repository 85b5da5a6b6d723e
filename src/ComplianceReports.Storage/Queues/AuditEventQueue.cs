using Azure.Storage.Queues;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Queues;

/// <summary>The producer's side of the ingestion queue.</summary>
public sealed class AuditEventQueue(StorageClientFactory clients)
{
    private readonly QueueClient queue = clients.CreateQueueClient(QueueNames.AuditEvents);

    /// <summary>Sends the items (each one PrivX event as JSON) packed into as few messages as fit; returns how many messages it sent.</summary>
    public async Task<int> SendAsync(IEnumerable<string> itemsJson, IProgress<int>? sentMessages, CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var sent = 0;
        foreach (var message in MessagePacking.PackArrays(itemsJson))
        {
            await queue.SendMessageAsync(message, cancellationToken);
            sent++;
            sentMessages?.Report(sent);
        }
        return sent;
    }
}
