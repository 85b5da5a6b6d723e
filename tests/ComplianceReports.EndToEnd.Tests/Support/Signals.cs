using System.Diagnostics;

namespace ComplianceReports.EndToEnd.Tests;

internal static class Signals
{
    /// <summary>
    /// SIGTERM, the orderly stop (Process.Kill sends SIGKILL): the process shuts down as it does on
    /// Ctrl+C or a service manager's stop, and this waits until it has.
    /// </summary>
    public static async Task TerminateAsync(Process process, TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        await process.WaitForExitAsync().WaitAsync(timeout);
    }
}
