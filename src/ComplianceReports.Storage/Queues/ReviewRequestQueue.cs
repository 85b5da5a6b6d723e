using Azure.Storage.Queues;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Queues;

/// <summary>Where the CLI asks for a review to be signed and recorded.</summary>
public sealed class ReviewRequestQueue(StorageClientFactory clients)
{
    private readonly QueueClient queue = clients.CreateQueueClient(QueueNames.ReportReviews);

    public async Task SendAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        await queue.SendMessageAsync(request.ToJson(), cancellationToken);
    }
}
