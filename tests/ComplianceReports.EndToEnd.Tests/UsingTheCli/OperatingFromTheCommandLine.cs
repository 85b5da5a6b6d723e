using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Delivery;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>What an operator runs: listing and picking report versions, simulating traffic, the status overview, and one-line errors.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class OperatingFromTheCommandLine(LocalFunctionsHostFixture host) : IDisposable
{
    private const string Unreachable =
        "DefaultEndpointsProtocol=http;AccountName=x;AccountKey=eA==;BlobEndpoint=http://127.0.0.1:1/x;QueueEndpoint=http://127.0.0.1:1/x;TableEndpoint=http://127.0.0.1:1/x";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-ops-");
    private readonly PipelineClient pipeline = new(host.Storage);

    [Fact]
    public async Task Report_list_shows_each_version_and_download_takes_the_version_asked_for()
    {
        var month = new Month(2011, 3);
        await pipeline.SendEnvelopeAsync("ops-2011-list-1", [PrivXSample.Item(100, month.StartUtc.AddDays(2))]);
        var first = await pipeline.GenerateAsync(month);
        await pipeline.SendEnvelopeAsync("ops-2011-list-2", [PrivXSample.Item(102, month.StartUtc.AddDays(3)), PrivXSample.Item(100, month.StartUtc.AddDays(4))]);
        var second = await pipeline.GenerateAsync(month);

        var list = await RunAsync("report", "list");
        var older = await RunAsync("report", "download", "--month", "2011-03", "--version", $"{first.Version}", "--out", Path.Combine(work.FullName, "older"));
        var missing = await RunAsync("report", "download", "--month", "2011-03", "--version", "999", "--out", Path.Combine(work.FullName, "none"));

        // The timer may add versions of its own for a month whose events changed, so the versions asked for are looked up, not counted.
        Assert.Equal(0, list.ExitCode);
        Assert.StartsWith("MONTH", list.Output);
        var rows = list.Output.Split('\n').Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(row => row[0] == "2011-03").ToList();
        foreach (var manifest in new[] { first, second })
        {
            Assert.Contains(rows, row => row[1] == $"{manifest.Version}" && row[2] == $"{manifest.EventCount}" && row[^1] == manifest.EventDigest[..12]);
        }
        Assert.Equal((1, 3), (first.EventCount, second.EventCount));

        Assert.Equal(0, older.ExitCode);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work.FullName, "older", "summary.json")));
        Assert.Equal(first.Version, summary.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("eventCount").GetInt32());

        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("compliance: the 2011-03 report has no version 999: its versions are 1, ", missing.Error);
        Assert.DoesNotContain('\n', missing.Error);
    }

    [Fact]
    public async Task A_simulated_month_is_reproducible_and_goes_through_send_and_generate()
    {
        var file = Path.Combine(work.FullName, "simulated.ndjson");
        var again = Path.Combine(work.FullName, "again.ndjson");

        var simulate = await RunAsync("simulate", "--month", "2011-02", "--events", "300", "--seed", "2026", "--out", file);
        await RunAsync("simulate", "--month", "2011-02", "--events", "300", "--seed", "2026", "--out", again);
        var send = await RunAsync("send", file, "--wait", "--timeout", "60");
        var generate = await RunAsync("report", "generate", "--month", "2011-02", "--timeout", "120");

        Assert.Equal(0, simulate.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(again));
        Assert.Equal(300, File.ReadLines(file).Count());
        Assert.Equal(0, send.ExitCode);
        Assert.Matches(@"^sent 300 events in \d+ messages: stored 300, duplicates 0, quarantined 0$", send.Output);
        Assert.Equal(0, generate.ExitCode);
        Assert.Matches(@"^report 2011-02 version \d+: 300 events", generate.Output);
    }

    [Fact]
    public async Task Simulate_send_goes_the_way_send_goes()
    {
        var result = await RunAsync("simulate", "--month", "2011-04", "--events", "50", "--seed", "1", "--send", "--wait", "--timeout", "60");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^sent 50 events in \d+ messages: stored 50, duplicates 0, quarantined 0$", result.Output);
    }

    [Fact]
    public async Task Status_shows_queue_depths_quarantine_months_with_events_and_report_versions()
    {
        var month = new Month(2011, 7);
        await pipeline.SendEnvelopeAsync("ops-2011-status-1", [PrivXSample.Item(100, month.StartUtc.AddDays(1)), PrivXSample.Item(100, month.StartUtc.AddDays(2))]);
        await pipeline.GenerateAsync(month);
        var poison = host.Storage.CreateQueueClient(QueueNames.Poison(QueueNames.ReportRequests));
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("""{"month":"not a month"}""");
        // A mail that failed twice and waits for its third attempt, as the mail function records it.
        await new MailDeliveries(host.Storage).WriteAsync(
            [new MailDelivery("2011-07", 1, "auditor@example.com", MailDeliveryStatus.Pending, 2, "SocketException: Connection refused", DateTimeOffset.UtcNow)], default);

        var status = await RunAsync("status");

        Assert.Equal(0, status.ExitCode);
        var lines = status.Output.Split('\n').Select(line => line.Trim()).ToList();
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^audit-events\s+\d+"));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^audit-events-poison\s+\d+"));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^report-requests\s+\d+"));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^report-requests-poison\s+[1-9]\d*$"));
        Assert.Contains(lines, line => line.StartsWith("quarantined items: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("2011-07  last touched ", StringComparison.Ordinal));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^2011-07  \d+ versions? \(.*v\d+: 2\); latest generated "));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^report-mail-poison\s+\d+"));
        Assert.Contains("2011-07 v1  auditor@example.com  pending  (2 failed attempts, last: SocketException: Connection refused)", lines);
    }

    [Fact]
    public async Task Storage_that_cannot_be_reached_fails_within_seconds_with_one_line()
    {
        var clock = Stopwatch.StartNew();
        var result = await CommandLine.RunAsync(Unreachable, work.FullName, "status");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        AssertOneLineError(result, "compliance: cannot reach storage at 127.0.0.1:1 (connection refused): is Azurite running (scripts/run-local.sh)");
    }

    [Fact]
    public async Task A_malformed_connection_string_fails_with_one_line_that_keeps_the_key_secret()
    {
        var result = await CommandLine.RunAsync("AccountName=x;AccountKey=c2VjcmV0;Nonsense", work.FullName, "report", "list");

        AssertOneLineError(result, "compliance: the storage connection string is malformed");
        Assert.DoesNotContain("c2VjcmV0", result.Error);
    }

    [Fact]
    public async Task A_missing_file_a_bad_month_and_an_unfinished_month_fail_with_one_line_each()
    {
        var current = Month.Of(DateTimeOffset.UtcNow);

        AssertOneLineError(await RunAsync("send", Path.Combine(work.FullName, "absent.json")), $"compliance: cannot read {Path.Combine(work.FullName, "absent.json")}");
        AssertOneLineError(await RunAsync("simulate", "--month", "2026-1", "--events", "5"), "compliance: '2026-1' is not a month");
        AssertOneLineError(await RunAsync("report", "generate", "--month", current.ToString()), $"compliance: {current} has not ended yet: ");
    }

    public void Dispose() => work.Delete(recursive: true);

    private static void AssertOneLineError((int ExitCode, string Output, string Error) result, string start)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(start, result.Error);
        Assert.DoesNotContain('\n', result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CommandLine.RunAsync(host.ConnectionString, work.FullName, arguments);
}
