using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.LocalHost;

/// <summary>
/// Whether the host stopped to be started again. The WebJobs SDK hands a background failure (a queue
/// listener's poll, a timer's lock renewal, on storage gone away) to an exception handler whose default
/// rethrows it on a thread of its own, ending the process; and the loop that failed is over either way.
/// Here the failure is logged, the host stops, and <c>Program</c> builds a new one, which waits for
/// storage as any start does: the process stays up, and every listener runs again.
/// An operator's stop (Ctrl+C, SIGTERM) wins: listeners failing while the host stops, storage away,
/// must not turn that stop into a restart.
/// </summary>
public sealed partial class HostRestart(CancellationToken operatorStop = default)
{
    private string? reason;

    public string? Reason => reason;

    public bool Requested => Reason is not null;

    /// <summary>True for the first failure only, and only while no operator asked the process to stop.</summary>
    internal bool TryRequest(string failure) => !operatorStop.IsCancellationRequested && Interlocked.CompareExchange(ref reason, failure, null) is null;

    internal sealed partial class ExceptionHandler(HostRestart restart, IHostApplicationLifetime lifetime, ILogger<HostRestart> logger) : IWebJobsExceptionHandler
    {
        public void Initialize(Microsoft.Azure.WebJobs.JobHost host)
        {
        }

        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => RestartAsync(exceptionInfo.SourceException);

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo) => RestartAsync(exceptionInfo.SourceException);

        private Task RestartAsync(Exception failure)
        {
            var reason = failure.Message.Split('\n')[0];
            if (restart.TryRequest(reason))
            {
                LogRestarting(reason);
                lifetime.StopApplication();
            }
            return Task.CompletedTask;
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "A listener failed ({Reason}); the functions host restarts and waits for storage")]
        private partial void LogRestarting(string reason);
    }

    internal sealed class ExceptionHandlerFactory(HostRestart restart, IHostApplicationLifetime lifetime, ILogger<HostRestart> logger) : IWebJobsExceptionHandlerFactory
    {
        public IWebJobsExceptionHandler Create(IHost jobHost) => new ExceptionHandler(restart, lifetime, logger);
    }
}
