using ComplianceReports.Pipeline.Poison;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class KeepPoisonedMessagesFunction(PoisonKeeping keeping)
{
    public const string Name = "KeepPoisonedMessages";

    /// <summary>
    /// A timer, not a trigger on the poison queues: a message sent without base64 cannot be decoded there
    /// either, and the runtime would move it on to a poison queue of the poison queue.
    /// </summary>
    [Function(Name)]
    public Task Run([TimerTrigger(FunctionSchedules.PoisonSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        keeping.KeepAllAsync(cancellationToken);
}
