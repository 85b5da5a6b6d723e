using ComplianceReports.Storage.Collection;
using ComplianceReports.Storage.Events;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>A month collected from PrivX by the real timer is the month <c>compliance send</c> would have sent, code for code.</summary>
public sealed class CollectingFromPrivXThroughTheTimer(PrivXCollectorHostFixture host) : IClassFixture<PrivXCollectorHostFixture>, IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-collect-");

    [Fact]
    public async Task A_month_collected_through_the_timer_equals_the_same_month_sent_with_compliance_send_code_for_code()
    {
        var month = PrivXCollectorHostFixture.Month;
        var states = new CollectorStates(host.Storage);
        var caughtUp = await Eventually.ReturnsAsync("the collector to pass the month", async () =>
            await states.GetAsync(PrivXCollectorHostFixture.Instance, default) is { Checkpoint: { } checkpoint, LastRun.Succeeded: true } state && checkpoint > month.EndUtc ? state : null);
        var store = new TableEventStore(host.Storage, TimeProvider.System);
        var collected = await Eventually.ReturnsAsync("the collected month to be stored", async () =>
        {
            var codes = await store.ReadMonthAsync(month, default).Select(stored => stored.Event.Code).ToListAsync();
            return codes.Count == PrivXCollectorHostFixture.EventCount ? codes.CountBy(code => code).ToDictionary() : null;
        }, TimeSpan.FromSeconds(90));

        var file = Path.Combine(work.FullName, "month.ndjson");
        await File.WriteAllLinesAsync(file, host.Items);
        var sent = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "send", file, "--wait", "--timeout", "90");
        var status = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "status");

        var simulated = host.Items.Select(item => System.Text.Json.JsonDocument.Parse(item).RootElement.GetProperty("event_id").GetString()!)
            .CountBy(code => int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)).ToDictionary();
        Assert.Equal(simulated.OrderBy(code => code.Key), collected.OrderBy(code => code.Key));
        Assert.True(sent.ExitCode == 0, sent.Error);
        Assert.EndsWith($": stored 0, duplicates {PrivXCollectorHostFixture.EventCount}, quarantined 0", sent.Output);
        Assert.Contains(status.Output.Split('\n'), line =>
            line.StartsWith($"collector {PrivXCollectorHostFixture.Instance}: checkpoint {caughtUp.Checkpoint!.Value.UtcDateTime:yyyy-MM-dd}", StringComparison.Ordinal)
            && line.Contains(", last run ", StringComparison.Ordinal) && line.Contains(" succeeded (", StringComparison.Ordinal));
    }

    public void Dispose() => work.Delete(recursive: true);
}
