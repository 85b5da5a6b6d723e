using System.Runtime.InteropServices;

namespace ComplianceReports.LocalHost;

/// <summary>
/// Ctrl+C, SIGTERM or SIGQUIT, for the whole life of the process rather than of one host: a signal that
/// comes while a failed host is disposed and the next one is built still stops the process, cleanly,
/// and is never taken for a reason to restart.
/// </summary>
public sealed class OperatorStop : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly PosixSignalRegistration[] registrations;

    public OperatorStop() =>
        registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(signal => PosixSignalRegistration.Create(signal, Stop))];

    public CancellationToken Token => stopping.Token;

    public bool Requested => stopping.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
        stopping.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        // The process ends when Program returns, after the host has stopped, not at the signal.
        context.Cancel = true;
        stopping.Cancel();
    }
}
