using ComplianceReports.Domain.Alerts;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Collection;
using ComplianceReports.Storage.Alerts;
using ComplianceReports.Storage.Collection;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>
/// The collector against a PrivX stand-in, through the real queue and ingestion: every event once,
/// the checkpoint only behind what is on the queue, through kills, late events and refusals.
/// </summary>
public sealed class CollectingFromPrivX(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>, IDisposable
{
    private readonly PrivXStandIn privx = new(pipeline.Clock);

    [Fact]
    public async Task A_run_pages_through_many_events_sharing_one_created_time_and_stores_each_once_with_a_receipt_per_page()
    {
        var month = new Month(2011, 3);
        var created = month.StartUtc.AddDays(2).AddHours(9);
        pipeline.Clock.AdjustTime(created.AddHours(1));
        privx.Add(Enumerable.Range(0, 130).Select(i => PrivXSample.Item(100, created, user: $"user{i}")));
        var collector = pipeline.Collector(privx, "same-created", ("PrivX:CollectFrom", "2011-03-03T08:00:00Z"));

        var outcome = await collector.RunAsync();
        var batches = await pipeline.IngestQueuedAsync();

        Assert.Equal((true, 130, 1, true), (outcome!.Succeeded, outcome.Events, outcome.Windows, outcome.CaughtUp));
        Assert.Equal(130, await pipeline.StoredCountAsync(month));
        Assert.Equal(3, batches.Count);
        var receipts = pipeline.Services().GetRequiredService<IngestReceipts>();
        var stored = await Task.WhenAll(batches.Select(async batchId => (await receipts.FindAsync(batchId, default))!.Stored));
        Assert.Equal(new[] { 30, 50, 50 }, stored.Order());
        Assert.All(batches, batchId => Assert.StartsWith("privx.same-created.20110303T080000000Z.20110303T095900000Z.p0000", batchId));
        Assert.Equal(created.AddHours(1).AddMinutes(-1), (await pipeline.StateAsync("same-created")).Checkpoint);
    }

    [Fact]
    public async Task A_window_straddling_a_month_boundary_stores_each_event_in_its_own_month()
    {
        var boundary = new Month(2011, 6).StartUtc;
        pipeline.Clock.AdjustTime(boundary.AddMinutes(30));
        privx.Add([PrivXSample.Item(100, boundary.AddMinutes(-5)), PrivXSample.Item(102, boundary.AddMinutes(5))]);
        var collector = pipeline.Collector(privx, "month-boundary", ("PrivX:CollectFrom", "2011-05-31T22:00:00Z"));

        var outcome = await collector.RunAsync();
        await pipeline.IngestQueuedAsync();

        Assert.Equal(1, outcome!.Windows);
        Assert.Equal(1, await pipeline.StoredCountAsync(new Month(2011, 5)));
        Assert.Equal(1, await pipeline.StoredCountAsync(new Month(2011, 6)));
    }

    [Fact]
    public async Task The_next_run_reaches_back_by_the_overlap_so_an_event_indexed_late_is_not_lost_and_the_rest_are_only_duplicates()
    {
        var month = new Month(2011, 7);
        var start = month.StartUtc.AddDays(3);
        pipeline.Clock.AdjustTime(start.AddHours(1));
        privx.Add([PrivXSample.Item(100, start.AddMinutes(50))]);
        var collector = pipeline.Collector(privx, "late-event", ("PrivX:CollectFrom", "2011-07-04T00:00:00Z"));
        await collector.RunAsync();
        await pipeline.IngestQueuedAsync();
        var checkpoint = (await pipeline.StateAsync("late-event")).Checkpoint!.Value;

        // PrivX indexes an event of eight minutes before the checkpoint only now.
        privx.Add([PrivXSample.Item(101, checkpoint.AddMinutes(-8))]);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await collector.RunAsync();
        await pipeline.IngestQueuedAsync();

        Assert.Equal(2, second!.Events);
        Assert.Equal(2, await pipeline.StoredCountAsync(month));
        Assert.Equal(checkpoint.AddMinutes(5), (await pipeline.StateAsync("late-event")).Checkpoint);
    }

    [Fact]
    public async Task A_host_killed_mid_window_loses_nothing_and_its_checkpoint_stays_at_the_last_whole_window()
    {
        var month = new Month(2011, 8);
        var from = month.StartUtc.AddDays(1);
        pipeline.Clock.AdjustTime(from.AddHours(2).AddMinutes(1));
        privx.Add(Enumerable.Range(0, 200).Select(i => PrivXSample.Item(100, from.AddSeconds(i * 36), user: $"user{i}")));
        var collector = pipeline.Collector(privx, "killed", ("PrivX:CollectFrom", "2011-08-02T00:00:00Z"), ("PrivX:WindowLength", "01:00:00"), ("PrivX:Overlap", "00:00:00"));
        using var kill = new CancellationTokenSource();
        var searches = 0;
        // The first window is three pages (both ends are included); the host dies on the second page of the second.
        privx.OnSearch = _ =>
        {
            if (++searches == 5)
            {
                kill.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collector.RunAsync(kill.Token));
        var afterKill = await pipeline.StateAsync("killed");
        privx.OnSearch = null;
        var rerun = await collector.RunAsync();
        await pipeline.IngestQueuedAsync();

        Assert.Equal(from.AddHours(1), afterKill.Checkpoint);
        Assert.True(rerun!.Succeeded);
        Assert.Equal(from.AddHours(2), (await pipeline.StateAsync("killed")).Checkpoint);
        Assert.Equal(200, await pipeline.StoredCountAsync(month));
    }

    [Fact]
    public async Task Bad_credentials_fail_the_run_with_one_clear_line_in_the_log_and_the_outcome_and_leave_the_checkpoint()
    {
        pipeline.Clock.AdjustTime(new DateTimeOffset(2011, 9, 10, 12, 0, 0, TimeSpan.Zero));
        await pipeline.Collector(privx, "bad-credentials").RunAsync();
        var before = await pipeline.StateAsync("bad-credentials");
        var refused = pipeline.Collector(privx, "bad-credentials", ("PrivX:ApiClientSecret", "a-wrong-secret"));

        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        var first = await refused.RunAsync();
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await refused.RunAsync();
        var after = await pipeline.StateAsync("bad-credentials");

        Assert.False(second!.Succeeded);
        Assert.StartsWith($"PrivX at {privx.Url}/ refused the API client's credentials (401 invalid_grant)", second.Error);
        Assert.Equal(before.Checkpoint, after.Checkpoint);
        Assert.Equal(second, after.LastRun);
        Assert.Equal(first!.RanAt, after.LastRun!.FailingSince);
        var logged = pipeline.Log.Messages.Where(message => message.StartsWith("Collecting from PrivX instance bad-credentials failed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, message => Assert.Equal($"Collecting from PrivX instance bad-credentials failed: {second.Error}; checkpoint stays at {before.Checkpoint}", message));
        Assert.DoesNotContain(pipeline.Log.Messages, message => message.Contains("a-wrong-secret", StringComparison.Ordinal) || message.Contains(PrivXStandIn.OAuthClientSecret, StringComparison.Ordinal));
        // Two failed runs of one outage: one alert.
        var alert = Assert.Single(
            await pipeline.Services().GetRequiredService<AlertStore>().PendingAsync(default),
            pending => pending.Signal.Kind == AlertKind.CollectorFailed && pending.Signal.Subject.Contains("bad-credentials", StringComparison.Ordinal));
        Assert.DoesNotContain("a-wrong-secret", alert.Signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_out_of_time_stops_after_whole_windows_and_the_next_run_resumes_from_its_checkpoint()
    {
        var from = new DateTimeOffset(2011, 10, 5, 0, 0, 0, TimeSpan.Zero);
        pipeline.Clock.AdjustTime(from.AddHours(5));
        // Each search takes a minute of the run's two (within the time a request may take).
        privx.OnSearch = _ => pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        var collector = pipeline.Collector(privx, "time-budget",
            ("PrivX:CollectFrom", "2011-10-05T00:00:00Z"), ("PrivX:WindowLength", "01:00:00"), ("PrivX:TimeBudget", "00:02:00"), ("PrivX:RequestTimeout", "00:10:00"));

        var first = await collector.RunAsync();
        var afterFirst = (await pipeline.StateAsync("time-budget")).Checkpoint;
        var second = await collector.RunAsync();

        Assert.Equal((2, false), (first!.Windows, first.CaughtUp));
        Assert.Equal(from.AddMinutes(110), afterFirst);
        Assert.Equal(2, second!.Windows);
        Assert.Equal(from.AddMinutes(210), (await pipeline.StateAsync("time-budget")).Checkpoint);
    }

    [Fact]
    public async Task A_re_collection_request_fetches_its_span_again_and_moves_no_checkpoint()
    {
        var month = new Month(2011, 11);
        var from = month.StartUtc.AddDays(9);
        pipeline.Clock.AdjustTime(from.AddDays(2));
        privx.Add(Enumerable.Range(0, 60).Select(i => PrivXSample.Item(100, from.AddMinutes(i * 30), user: $"user{i}")));
        var collector = pipeline.Collector(privx, "backfill", ("PrivX:CollectFrom", "2011-11-10T00:00:00Z"));
        await collector.RunAsync();
        await pipeline.IngestQueuedAsync();
        var checkpoint = (await pipeline.StateAsync("backfill")).Checkpoint;

        var request = CollectRequest.For(from, from.AddHours(12), "backfill", "test");
        var events = await collector.GetRequiredService<PrivXCollection>().ServeAsync(request.ToJson(), default);
        var batches = await pipeline.IngestQueuedAsync();
        var receipts = pipeline.Services().GetRequiredService<IngestReceipts>();

        // 25 events in the span, and the three on the inner window boundaries fetched by both windows.
        Assert.Equal(28, events);
        Assert.Equal(checkpoint, (await pipeline.StateAsync("backfill")).Checkpoint);
        Assert.Equal(60, await pipeline.StoredCountAsync(month));
        Assert.Equal(28, (await Task.WhenAll(batches.Select(batchId => receipts.FindAsync(batchId, default)))).Sum(receipt => receipt!.Duplicates));
    }

    [Fact]
    public async Task Without_a_base_url_the_collector_is_off_and_writes_nothing()
    {
        var outcome = await pipeline.Services(("PrivX:Instance", "switched-off")).GetRequiredService<PrivXCollection>().CollectAsync(default);

        Assert.Null(outcome);
        Assert.Null((await pipeline.StateAsync("switched-off")).LastRun);
        Assert.DoesNotContain(await pipeline.Services().GetRequiredService<CollectorStates>().ListAsync(default), state => state.Instance == "switched-off");
    }

    public void Dispose() => privx.Dispose();
}
