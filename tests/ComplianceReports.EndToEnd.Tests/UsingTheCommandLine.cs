using System.Diagnostics;
using System.Text.Json;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>The README's walkthrough, through the real `compliance` program against the hosted functions.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class UsingTheCommandLine(LocalFunctionsHostFixture host) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-cli-");

    [Fact]
    public async Task Send_generate_and_download_give_the_months_report()
    {
        var may = new DateTimeOffset(2026, 5, 31, 23, 0, 0, TimeSpan.FromHours(-2)); // June 1st in UTC
        var items = new[] { PrivXSample.Item(100, may.AddHours(-3)), PrivXSample.Item(100, may.AddHours(-4)), PrivXSample.Item(102, may) };
        var file = Path.Combine(work.FullName, "events.json");
        await File.WriteAllTextAsync(file, PrivXSample.Page(items));

        var send = await RunAsync("send", file);
        Assert.Equal((0, "sent 3 events in 1 messages to queue audit-events"), (send.ExitCode, send.Output));

        var generate = await RunAsync("report", "generate", "--month", "2026-05", "--timeout", "60");
        Assert.Equal(0, generate.ExitCode);
        Assert.StartsWith("report 2026-05 version 1: 2 events", generate.Output);

        var output = Path.Combine(work.FullName, "out", "may");
        var download = await RunAsync("report", "download", "--month", "2026-05", "--out", output);
        Assert.Equal(0, download.ExitCode);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
        Assert.Equal(2, summary.RootElement.GetProperty("eventCount").GetInt32());
        Assert.Equal(2, summary.RootElement.GetProperty("countsByCode").GetProperty("100").GetInt32());
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(Path.Combine(output, "report.pdf")));
    }

    [Fact]
    public async Task Download_of_a_month_without_a_report_fails_with_one_line()
    {
        var result = await RunAsync("report", "download", "--month", "1999-01", "--out", Path.Combine(work.FullName, "none"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compliance: there is no report for 1999-01: ask for one with 'compliance report generate --month 1999-01'", result.Error);
    }

    [Fact]
    public async Task A_malformed_month_is_refused_before_anything_is_asked()
    {
        var result = await RunAsync("report", "generate", "--month", "2026-13");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compliance: '2026-13' is not a month: write it as YYYY-MM, e.g. 2026-10", result.Error);
    }

    public void Dispose() => work.Delete(recursive: true);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = work.FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compliance.dll"));
        foreach (var argument in arguments.Append("--connection").Append(host.ConnectionString))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }
}
