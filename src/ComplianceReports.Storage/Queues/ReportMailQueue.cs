using Azure.Storage.Queues;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Queues;

/// <summary>
/// Versions waiting to be mailed. A failed attempt comes back as a new message, invisible for its
/// back-off; one that gave up goes to <c>report-mail-poison</c>, where an operator sees it and can move it back.
/// </summary>
public sealed class ReportMailQueue(StorageClientFactory clients)
{
    private readonly QueueClient queue = clients.CreateQueueClient(QueueNames.ReportMail);
    private readonly QueueClient poison = clients.CreateQueueClient(QueueNames.Poison(QueueNames.ReportMail));

    public async Task SendAsync(ReportMailRequest request, TimeSpan delay, CancellationToken cancellationToken)
    {
        await queue.SendMessageAsync(request.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    public async Task GiveUpAsync(ReportMailRequest request, CancellationToken cancellationToken)
    {
        await poison.SendMessageAsync(request.ToJson(), cancellationToken: cancellationToken);
    }
}
