using ComplianceReports.Pipeline.Collection;
using ComplianceReports.Pipeline.Poison;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class ServeCollectRequestFunction(PrivXCollection collection, FailedAttempts attempts)
{
    public const string Name = "ServeCollectRequest";

    /// <summary>A re-collection PrivX fails is retried by the queue, then kept in <c>privx-collect-requests-poison</c>.</summary>
    /// <param name="dequeueCount">Which attempt this is (trigger metadata), noted with its error if it fails.</param>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.CollectRequests)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        attempts.RunAsync(QueueNames.CollectRequests, message, dequeueCount, () => collection.ServeAsync(message, cancellationToken), cancellationToken);
}
