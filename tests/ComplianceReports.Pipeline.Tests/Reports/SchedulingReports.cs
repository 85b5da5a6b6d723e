using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>Each timer run asks for every report owed, and only those: catch-up, grace, touched months, the report zone.</summary>
public sealed class SchedulingReports(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task Every_ended_month_with_events_and_no_report_is_requested_and_the_running_month_is_not()
    {
        await pipeline.ClearQueuedRequestsAsync();
        pipeline.Clock.AdjustTime(At(2020, 4, 9));
        await StoreAsync(At(2020, 1, 5), At(2020, 2, 9), At(2020, 3, 30), At(2020, 4, 2));
        pipeline.Clock.AdjustTime(At(2020, 4, 10));

        await Scheduling().RequestDueReportsAsync(default);

        Assert.Equal(["2020-01", "2020-02", "2020-03"], (await pipeline.QueuedRequestsAsync()).Select(request => request.Month).Where(month => month.StartsWith("2020", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_month_becomes_due_only_after_its_grace_period()
    {
        await pipeline.ClearQueuedRequestsAsync();
        pipeline.Clock.AdjustTime(At(2019, 6, 16));
        await StoreAsync(At(2019, 6, 15));
        var scheduling = Scheduling(("ReportGracePeriod", "06:00:00"));

        pipeline.Clock.AdjustTime(new DateTimeOffset(2019, 7, 1, 5, 59, 0, TimeSpan.Zero));
        await scheduling.RequestDueReportsAsync(default);
        var early = await pipeline.QueuedRequestsAsync();
        pipeline.Clock.AdjustTime(new DateTimeOffset(2019, 7, 1, 6, 0, 0, TimeSpan.Zero));
        await scheduling.RequestDueReportsAsync(default);

        Assert.DoesNotContain(early, request => request.Month == "2019-06");
        Assert.Contains(await pipeline.QueuedRequestsAsync(), request => request.Month == "2019-06");
    }

    [Fact]
    public async Task A_reported_month_is_asked_again_only_when_its_marker_moved_past_what_its_version_read_and_with_the_same_id_each_run()
    {
        pipeline.Clock.AdjustTime(At(2018, 3, 4));
        await StoreAsync(At(2018, 3, 3));
        pipeline.Clock.AdjustTime(At(2018, 5, 1));
        await pipeline.ClearQueuedRequestsAsync();
        var generation = pipeline.Services().GetRequiredService<ReportGeneration>();
        var first = await generation.ServeAsync(ReportRequest.For(new(2018, 3), "test"), default);

        await Scheduling().RequestDueReportsAsync(default);
        var afterReport = await pipeline.QueuedRequestsAsync();
        pipeline.Clock.AdjustTime(At(2018, 5, 2));
        await StoreAsync(At(2018, 3, 20));
        await Scheduling().RequestDueReportsAsync(default);
        await Scheduling().RequestDueReportsAsync(default);
        var afterLateEvent = await pipeline.QueuedRequestsAsync();

        Assert.Equal(1, first.Version);
        Assert.DoesNotContain(afterReport, request => request.Month == "2018-03");
        var asked = afterLateEvent.Where(request => request.Month == "2018-03").ToList();
        Assert.Equal(2, asked.Count);
        Assert.Single(asked.Select(request => request.RequestId).Distinct());
        var second = await generation.ServeAsync(asked[0], default);
        var repeated = await generation.ServeAsync(asked[1], default);
        Assert.Equal((2, true), (second.Version, second.NewVersion));
        Assert.Equal(second, repeated);
        Assert.Equal("timer-2018-03-4", asked[0].RequestId);
    }

    [Fact]
    public async Task A_touch_that_added_no_event_is_asked_once_gets_the_same_version_and_is_not_asked_again()
    {
        pipeline.Clock.AdjustTime(At(2018, 7, 4));
        await StoreAsync(At(2018, 7, 3), At(2018, 7, 9));
        pipeline.Clock.AdjustTime(At(2018, 9, 1));
        var generation = pipeline.Services().GetRequiredService<ReportGeneration>();
        var first = await generation.ServeAsync(ReportRequest.For(new(2018, 7), "test"), default);
        await pipeline.ClearQueuedRequestsAsync();

        // A redelivered message: every event a duplicate, the month touched all the same.
        await StoreAsync(At(2018, 7, 3), At(2018, 7, 9));
        await Scheduling().RequestDueReportsAsync(default);
        var asked = Assert.Single(await pipeline.QueuedRequestsAsync(), request => request.Month == "2018-07");
        var served = await generation.ServeAsync(asked, default);
        await pipeline.ClearQueuedRequestsAsync();
        await Scheduling().RequestDueReportsAsync(default);

        Assert.Equal((1, false), (served.Version, served.NewVersion));
        Assert.Equal(first.EventCount, served.EventCount);
        Assert.DoesNotContain(await pipeline.QueuedRequestsAsync(), request => request.Month == "2018-07");
    }

    [Fact]
    public async Task Months_end_in_the_report_time_zone()
    {
        await pipeline.ClearQueuedRequestsAsync();
        pipeline.Clock.AdjustTime(new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        // 22:30 UTC on 31 May 2017 is 01:30 on 1 June in Helsinki: June has an event, May none.
        await StoreAsync(new DateTimeOffset(2017, 5, 31, 22, 30, 0, TimeSpan.Zero));
        var scheduling = Scheduling(("ReportTimeZone", "Europe/Helsinki"), ("ReportGracePeriod", "00:00:00"));

        pipeline.Clock.AdjustTime(new DateTimeOffset(2017, 6, 30, 20, 59, 0, TimeSpan.Zero));
        await scheduling.RequestDueReportsAsync(default);
        var beforeJuneEnds = await pipeline.QueuedRequestsAsync();
        pipeline.Clock.AdjustTime(new DateTimeOffset(2017, 6, 30, 21, 0, 0, TimeSpan.Zero));
        await scheduling.RequestDueReportsAsync(default);

        Assert.DoesNotContain(beforeJuneEnds, request => request.Month is "2017-05" or "2017-06");
        // June in Helsinki spans the end of May and most of June in UTC: the id names both markers' sequences.
        Assert.Equal("timer-2017-06-2-0", Assert.Single(await pipeline.QueuedRequestsAsync(), request => request.Month == "2017-06").RequestId);
        Assert.DoesNotContain(await pipeline.QueuedRequestsAsync(), request => request.Month == "2017-05");
    }

    private ReportScheduling Scheduling(params (string Key, string Value)[] settings) =>
        pipeline.Services(settings).GetRequiredService<ReportScheduling>();

    private Task StoreAsync(params DateTimeOffset[] times) =>
        pipeline.Services().GetRequiredService<TableEventStore>()
            .AppendAsync(times.Select(time => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(PrivXSample.Item(100, time)).Items)).Event), default);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
}
