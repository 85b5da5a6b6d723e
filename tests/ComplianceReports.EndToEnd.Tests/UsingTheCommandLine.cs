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
        Assert.Equal((0, "sent 3 events in 1 messages"), (send.ExitCode, send.Output));

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
    public async Task Send_wait_reports_what_the_pipeline_stored_and_a_resend_stores_nothing_new()
    {
        var december = new DateTimeOffset(2025, 12, 24, 18, 0, 0, TimeSpan.Zero);
        var file = Path.Combine(work.FullName, "december.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 40).Select(i => PrivXSample.Item(100 + i % 3, december.AddMinutes(i))));

        var first = await RunAsync("send", file, "--wait", "--timeout", "60");
        var again = await RunAsync("send", file, "--wait", "--timeout", "60");

        Assert.Equal((0, "sent 40 events in 1 messages: stored 40, duplicates 0, quarantined 0"), (first.ExitCode, first.Output));
        Assert.Equal((0, "sent 40 events in 1 messages: stored 0, duplicates 40, quarantined 0"), (again.ExitCode, again.Output));
    }

    [Fact]
    public async Task Send_names_each_line_it_refuses_sends_the_rest_and_fails()
    {
        var file = Path.Combine(work.FullName, "mixed.ndjson");
        await File.WriteAllLinesAsync(file,
        [
            PrivXSample.Item(100, new DateTimeOffset(2025, 12, 25, 8, 0, 0, TimeSpan.Zero)),
            """{"event_id":"100","created":"yesterday"}""",
            PrivXSample.Item(102, new DateTimeOffset(2025, 12, 25, 9, 0, 0, TimeSpan.Zero)),
        ]);

        var result = await RunAsync("send", file, "--wait", "--timeout", "60");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sent 2 events in 1 messages: stored 2, duplicates 0, quarantined 0", result.Output);
        Assert.Equal($"{file}: line 2: \"created\" must be an RFC 3339 time with an offset, not \"yesterday\".", result.Error);
    }

    [Fact]
    public async Task The_catalog_lists_all_145_events_of_privx_v24_as_json()
    {
        var result = await RunAsync("catalog", "--json");

        using var catalog = JsonDocument.Parse(result.Output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(145, catalog.RootElement.GetProperty("events").GetArrayLength());
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

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CommandLine.RunAsync(host.ConnectionString, work.FullName, arguments);
}
