using ComplianceReports.Storage.Poison;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Poison;

/// <summary>
/// Runs one attempt at a queue message and, when it fails, notes the error and dequeue count where the
/// poison keeper finds them: the host moves a message to the poison queue with neither.
/// </summary>
public sealed partial class FailedAttempts(MessageFailures failures, TimeProvider clock, ILogger<FailedAttempts> logger)
{
    public async Task<T> RunAsync<T>(string queue, string text, long dequeueCount, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        T result;
        try
        {
            result = await attempt();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage may be what failed: noting it is worth a try, never a second reason to fail.
            await BestEffortAsync(() => failures.RecordAsync(queue, text, new MessageFailure($"{e.GetType().Name}: {e.Message}", dequeueCount, clock.GetUtcNow()), CancellationToken.None));
            throw;
        }
        if (dequeueCount > 1)
        {
            await BestEffortAsync(() => failures.ForgetAsync(queue, text, cancellationToken));
        }
        return result;
    }

    public Task RunAsync(string queue, string text, long dequeueCount, Func<Task> attempt, CancellationToken cancellationToken) =>
        RunAsync(queue, text, dequeueCount, async () =>
        {
            await attempt();
            return true;
        }, cancellationToken);

    private async Task BestEffortAsync(Func<Task> note)
    {
        try
        {
            await note();
        }
        catch (Exception e)
        {
            LogNotNoted(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not note a failed attempt for the poison record: {Error}")]
    private partial void LogNotNoted(string error);
}
