using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// A process the benchmark starts and measures: its output goes to a log file (and to whoever waits for
/// a line), and its peak resident memory is read from the kernel's high-water mark (VmHWM in
/// /proc/PID/status), polled, because it is gone once the process has exited.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly CancellationTokenSource polling = new();
    private readonly Task poller;
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> awaited = [];
    private readonly List<string> lines = [];
    private long peakKiB;
    private long cpuTicks;

    private ChildProcess(Process process, string logPath)
    {
        this.process = process;
        log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => Received(line.Data);
        process.ErrorDataReceived += (_, line) => Received(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        poller = PollAsync(polling.Token);
    }

    /// <summary>The highest resident memory seen so far, in MB.</summary>
    public double PeakMB
    {
        get
        {
            Sample();
            return Math.Round(Interlocked.Read(ref peakKiB) / 1024.0, 1);
        }
    }

    /// <summary>
    /// The processor time it has used (user and system), in seconds: read now while it runs, else as last
    /// polled, at most 100 ms before it ended. Beside the wall time it tells what a run was bound by.
    /// </summary>
    public double CpuSeconds
    {
        get
        {
            Sample();
            return Math.Round(TimeSpan.FromTicks(Interlocked.Read(ref cpuTicks)).TotalSeconds, 2);
        }
    }

    /// <summary>The resident memory now, in MB (VmRSS); 0 once the process is gone.</summary>
    public double ResidentMB => Math.Round(ReadStatus("VmRSS:") / 1024.0, 1);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        File.AppendAllText(logPath, $"$ {fileName} {string.Join(' ', start.ArgumentList)}{Environment.NewLine}");
        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}."), logPath);
    }

    /// <summary>Waits until the process writes a line containing <paramref name="text"/>; fails if it exits first.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (lines)
        {
            if (lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } already)
            {
                return already;
            }
            awaited.Add((text, seen));
        }
        var exited = process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout, cancellationToken));
        if (first != seen.Task)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var what = first == exited ? $"exited with {process.ExitCode}" : $"wrote nothing like it within {timeout.TotalSeconds:0} s";
            throw new BenchmarkException($"{Path.GetFileName(process.StartInfo.ArgumentList.FirstOrDefault() ?? process.StartInfo.FileName)} {what} before writing '{text}': see {((FileStream)log.BaseStream).Name}");
        }
        return await seen.Task;
    }

    /// <summary>Every line written so far that contains <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesContaining(string text)
    {
        lock (lines)
        {
            return lines.Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager stops a process: hosts release their queue messages and leases, Azurite closes cleanly.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, SigTerm);
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await polling.CancelAsync();
        await poller;
        process.Dispose();
        await log.DisposeAsync();
        polling.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (lines)
        {
            lines.Add(line);
            log.WriteLine(line);
            foreach (var entry in awaited.Where(entry => line.Contains(entry.Text, StringComparison.Ordinal)).ToList())
            {
                entry.Seen.TrySetResult(line);
                awaited.Remove(entry);
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopped with the process.
        }
    }

    /// <summary>Takes the processor time and the high-water mark while the process can still be read.</summary>
    private void Sample()
    {
        try
        {
            Interlocked.Exchange(ref cpuTicks, Math.Max(Interlocked.Read(ref cpuTicks), process.TotalProcessorTime.Ticks));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited: the last figure polled stands.
        }
        var kib = ReadStatus("VmHWM:");
        long seen;
        while (kib > (seen = Interlocked.Read(ref peakKiB)) && Interlocked.CompareExchange(ref peakKiB, kib, seen) != seen)
        {
        }
    }

    /// <summary>A figure of /proc/PID/status in KiB, or 0 when the process is gone.</summary>
    private long ReadStatus(string field)
    {
        string status;
        try
        {
            status = File.ReadAllText($"/proc/{process.Id}/status");
        }
        catch (IOException)
        {
            return 0;
        }
        var line = status.Split('\n').FirstOrDefault(line => line.StartsWith(field, StringComparison.Ordinal));
        return line is not null && long.TryParse(line[field.Length..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib) ? kib : 0;
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
