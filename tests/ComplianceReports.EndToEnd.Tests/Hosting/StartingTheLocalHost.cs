using System.Diagnostics;
using ComplianceReports.LocalHost.Http;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>The local host as scripts/run-local.sh starts it: a bad setting stops it at once, with one line naming it.</summary>
public sealed class StartingTheLocalHost
{
    [Theory]
    [InlineData("ReportTimeZone", "Europe/Atlantis")]
    [InlineData("ReportWorkingHours", "9-5")]
    [InlineData("ReportGracePeriod", "six hours")]
    public async Task A_bad_setting_stops_the_host_before_it_starts_with_one_line_naming_it(string key, string value)
    {
        var (exitCode, output, error) = await RunLocalHostAsync(key, value);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith($"ComplianceReports.LocalHost: {key} ", error);
        Assert.Contains($"'{value}'", error);
        Assert.DoesNotContain("host started", output);
    }

    [Theory]
    [InlineData("http://0.0.0.0:7071")]
    [InlineData("http://192.0.2.10:7071")]
    [InlineData("http://compliance.example:7071")]
    public async Task A_local_http_url_beyond_loopback_stops_the_host_with_one_line(string url)
    {
        var (exitCode, output, error) = await RunLocalHostAsync(LocalHttpServer.UrlSetting, url);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"ComplianceReports.LocalHost: LocalHttpUrl must be a loopback address (127.0.0.1, ::1 or localhost), not {url}: the local host has no sign-in",
            error);
        Assert.DoesNotContain("host started", output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunLocalHostAsync(string key, string value)
    {
        // An app directory of its own: a developer's local.settings.json beside the repository's host.json must not count.
        var appDirectory = Directory.CreateTempSubdirectory("compliance-localhost-").FullName;
        File.Copy(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "host.json"), Path.Combine(appDirectory, "host.json"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = appDirectory,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ComplianceReports.LocalHost.dll"), appDirectory },
            Environment =
            {
                // Never reached: the settings are checked before anything connects or listens.
                [StorageConnection.DefaultName] = StorageConnection.DevelopmentStorage,
                [LocalHttpServer.UrlSetting] = "http://127.0.0.1:0",
            },
        };
        start.Environment[key] = value;
        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return (process.ExitCode, (await output).Trim(), (await error).Trim());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            Directory.Delete(appDirectory, recursive: true);
        }
    }
}
