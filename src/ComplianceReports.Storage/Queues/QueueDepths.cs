using System.Net;
using Azure;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Queues;

/// <summary>How many messages wait on a queue, approximately, as the service counts them.</summary>
public sealed class QueueDepths(StorageClientFactory clients)
{
    /// <summary>The approximate depth, or <c>null</c> when the queue does not exist (yet).</summary>
    public async Task<long?> CountAsync(string queueName, CancellationToken cancellationToken)
    {
        try
        {
            return (await clients.CreateQueueClient(queueName).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
