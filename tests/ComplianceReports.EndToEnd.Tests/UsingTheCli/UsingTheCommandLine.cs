using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>What the real `compliance` program answers off the walkthrough's path (<see cref="FollowingTheWalkthrough"/> follows it): refused lines, a month without a report, a malformed month.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class UsingTheCommandLine(LocalFunctionsHostFixture host) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-cli-");

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
    public async Task A_file_too_big_for_a_few_messages_goes_up_as_one_export_while_it_is_read_without_the_lines_refused_before_or_after_the_switch()
    {
        // 1,000 items of about 330 bytes: the switch to an export comes past 192 KB (a few messages' worth), near item 580.
        var start = new DateTimeOffset(2025, 12, 26, 8, 0, 0, TimeSpan.Zero);
        var lines = Enumerable.Range(0, 1000).Select(i => PrivXSample.Item(100, start.AddSeconds(i))).ToList();
        lines[1] = """{"event_id":"100","created":"yesterday"}""";
        lines[899] = "{not json";
        var file = Path.Combine(work.FullName, "large.ndjson");
        await File.WriteAllLinesAsync(file, lines);

        var result = await RunAsync("send", file, "--wait", "--timeout", "60");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sent 998 events in 1 messages: stored 998, duplicates 0, quarantined 0", result.Output);
        var errors = result.Error.Split('\n');
        Assert.Equal(2, errors.Length);
        Assert.Equal($"{file}: line 2: \"created\" must be an RFC 3339 time with an offset, not \"yesterday\".", errors[0]);
        Assert.StartsWith($"{file}: line 900: ", errors[1]);
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
