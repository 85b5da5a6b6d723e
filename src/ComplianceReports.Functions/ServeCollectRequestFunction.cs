using ComplianceReports.Pipeline.Collection;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class ServeCollectRequestFunction(PrivXCollection collection)
{
    public const string Name = "ServeCollectRequest";

    /// <summary>A re-collection PrivX fails is retried by the queue, then kept in <c>privx-collect-requests-poison</c>.</summary>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.CollectRequests)] string message, CancellationToken cancellationToken) =>
        collection.ServeAsync(message, cancellationToken);
}
