using ComplianceReports.Storage.Connection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline;

/// <summary>
/// Makes sure of every storage resource once, as the host starts: no adapter checks on each call, and a
/// missing resource stops the host at once instead of failing one invocation after another. Storage that
/// cannot be reached yet (the emulator still starting, a network outage) is waited for, with a line
/// each try: a host that exits on it would need a person to start it again.
/// </summary>
internal sealed partial class StorageStartup(Func<CancellationToken, Task> makeSure, ILogger<StorageStartup> logger) : IHostedService
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var wait = FirstWait;
        var waited = false;
        while (true)
        {
            try
            {
                await makeSure(cancellationToken);
                if (waited)
                {
                    LogReached();
                }
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && UnreachableStorage.Describe(e) is { } unreachable)
            {
                LogWaiting(unreachable, wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken);
                waited = true;
                wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting: {Unreachable}; trying again in {Seconds} s")]
    private partial void LogWaiting(string unreachable, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting: storage answers now")]
    private partial void LogReached();
}
