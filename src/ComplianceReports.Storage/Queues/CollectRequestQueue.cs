using Azure.Storage.Queues;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Queues;

/// <summary>Where the CLI asks the collector for a re-collection: it asks, the functions fetch.</summary>
public sealed class CollectRequestQueue(StorageClientFactory clients)
{
    private readonly QueueClient queue = clients.CreateQueueClient(QueueNames.CollectRequests);

    public async Task SendAsync(CollectRequest request, CancellationToken cancellationToken)
    {
        await queue.SendMessageAsync(request.ToJson(), visibilityTimeout: null, QueueNames.NeverExpires, cancellationToken);
    }
}
