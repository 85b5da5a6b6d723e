using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// The local host as a process of its own, as scripts/run-local.sh runs it
/// (<c>dotnet ComplianceReports.LocalHost.dll APP_DIR</c>), so a test can kill it outright and start it again.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly DirectoryInfo app = Directory.CreateTempSubdirectory("compliance-host-process-");
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;
    private int linesBeforeStart;

    private HostProcess()
    {
    }

    /// <summary>What it printed and logged, standard output and error together.</summary>
    public IReadOnlyCollection<string> Output => output;

    public bool HasExited => process?.HasExited ?? true;

    /// <summary>Starts the host on <paramref name="connectionString"/> with the repository's host.json and the given app settings; returns at once.</summary>
    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var host = new HostProcess();
        File.Copy(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "host.json"), Path.Combine(host.app.FullName, "host.json"));
        var values = new Dictionary<string, string>(settings)
        {
            [StorageConnection.DefaultName] = connectionString,
            ["ReportSchedule"] = "0 0 2 * * *",
            ["ReportOrganisation"] = "Example Bank plc",
            ["LocalHttpUrl"] = "http://127.0.0.1:0",
        };
        await File.WriteAllTextAsync(Path.Combine(host.app.FullName, LocalSettingsFile.FileName), JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        // The self-signed certificate the other end-to-end tests use, not one made in a temporary directory each time.
        Directory.CreateDirectory(Path.Combine(host.app.FullName, ".local"));
        if (File.Exists(LocalFunctionsHostFixture.SigningCertificatePath))
        {
            File.Copy(LocalFunctionsHostFixture.SigningCertificatePath, Path.Combine(host.app.FullName, ".local", "report-signing.pfx"));
        }
        host.Start();
        return host;
    }

    /// <summary>Starts it again in the same app folder, as an operator would after it died.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = app.FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ComplianceReports.LocalHost.dll"));
        start.ArgumentList.Add(app.FullName);
        linesBeforeStart = output.Count;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Waits until the host, since it was last started, printed a line containing <paramref name="text"/>,
    /// or, given <paramref name="after"/>, such a line after the first line containing that.
    /// </summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout, string? after = null) =>
        Eventually.ReturnsAsync($"the host to print \"{text}\"{(after is null ? "" : $" after \"{after}\"")}", () =>
            Task.FromResult(output.Skip(linesBeforeStart).SkipWhile(line => after is not null && !line.Contains(after, StringComparison.Ordinal)).Skip(after is null ? 0 : 1)
                .Any(line => line.Contains(text, StringComparison.Ordinal)) ? (object)true : HasExited ? throw new InvalidOperationException($"The host exited: {Tail()}") : null), timeout);

    /// <summary>SIGKILL: no shutdown, no finally blocks, messages in flight stay invisible until their time-out.</summary>
    public async Task KillAsync()
    {
        process!.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as Ctrl+C or a service manager stops it; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        await Signals.TerminateAsync(process!, timeout);
        return process!.ExitCode;
    }

    public string Tail() => string.Join('\n', output.TakeLast(30));

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            try
            {
                await Signals.TerminateAsync(process, TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process?.Dispose();
        await File.WriteAllLinesAsync(Path.Combine(Path.GetTempPath(), $"compliance-host-process-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}.log"), output);
        app.Delete(recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
