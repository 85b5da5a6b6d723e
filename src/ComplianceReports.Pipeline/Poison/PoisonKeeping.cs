using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Poison;

/// <summary>
/// Moves every message of the poison queues into the poison store, with what is known of why it got
/// there, long before the queue would expire it. Kept first, deleted second: a keeper that dies between
/// the two keeps the same message again, which changes nothing.
/// </summary>
public sealed partial class PoisonKeeping(PoisonQueues queues, PoisonStore store, MessageFailures failures, TimeProvider clock, ILogger<PoisonKeeping> logger)
{
    /// <summary>Empties every poison queue; returns how many messages it kept.</summary>
    public async Task<int> KeepAllAsync(CancellationToken cancellationToken)
    {
        var kept = 0;
        foreach (var source in PoisonQueues.Sources)
        {
            IReadOnlyList<PoisonQueueMessage> batch;
            while ((batch = await queues.ReceiveAsync(source, cancellationToken)).Count > 0)
            {
                foreach (var message in batch)
                {
                    await KeepAsync(source, message, cancellationToken);
                    kept++;
                }
            }
        }
        return kept;
    }

    private async Task KeepAsync(string source, PoisonQueueMessage message, CancellationToken cancellationToken)
    {
        // An undecodable message never ran: the runtime moved it on its first receipt.
        var failure = message.Cause is null ? await failures.FindAsync(source, message.Text, cancellationToken) : null;
        await store.KeepAsync(
            new PoisonedMessage(
                message.Id,
                source,
                message.Text,
                message.Cause,
                message.Cause is null ? failure?.DequeueCount : 1,
                message.Cause ?? failure?.Error,
                message.PoisonedAt,
                clock.GetUtcNow()),
            cancellationToken);
        await queues.DeleteAsync(source, message, cancellationToken);
        if (failure is not null)
        {
            await failures.ForgetAsync(source, message.Text, cancellationToken);
        }
        LogKept(source, message.Id, message.Cause ?? failure?.Error ?? "no error was recorded");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poisoned message {Id} of queue {Queue} kept for an operator (compliance poison list): {Cause}")]
    private partial void LogKept(string queue, string id, string cause);
}
