using Azure.Storage.Queues;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Queues;

/// <summary>Where the timer, the CLI and later HTTP ask for reports: they ask, never build.</summary>
public sealed class ReportRequestQueue(StorageClientFactory clients)
{
    private readonly QueueClient queue = clients.CreateQueueClient(QueueNames.ReportRequests);

    public async Task SendAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        await queue.SendMessageAsync(request.ToJson(), visibilityTimeout: null, QueueNames.NeverExpires, cancellationToken);
    }
}
