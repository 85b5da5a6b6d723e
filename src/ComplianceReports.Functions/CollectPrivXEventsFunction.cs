using ComplianceReports.Pipeline.Collection;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class CollectPrivXEventsFunction(PrivXCollection collection)
{
    public const string Name = "CollectPrivXEvents";

    /// <summary>A failed run leaves its outcome beside the checkpoint; the next run resumes from the checkpoint.</summary>
    [Function(Name)]
    public Task Run([TimerTrigger(FunctionSchedules.CollectSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        collection.CollectAsync(cancellationToken);
}
