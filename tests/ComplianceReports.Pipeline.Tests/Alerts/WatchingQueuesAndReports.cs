using Azure.Core;
using Azure.Core.Pipeline;
using ComplianceReports.Domain.Alerts;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Alerts;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Alerts;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>The alert timer sees a poison queue grow and a report overdue; a report that fails to generate is one alert, however often it is retried.</summary>
public sealed class WatchingQueuesAndReports(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task A_poison_queue_that_grows_raises_one_alert_for_what_it_gained()
    {
        pipeline.Clock.AdjustTime(new DateTimeOffset(2011, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var monitoring = pipeline.Services().GetRequiredService<AlertMonitoring>();
        var poison = pipeline.Storage.CreateQueueClient(QueueNames.Poison(QueueNames.AuditEvents));
        await poison.SendMessageAsync("gave up");
        await poison.SendMessageAsync("gave up too");

        await monitoring.WatchAsync(default);
        await monitoring.WatchAsync(default);
        pipeline.Clock.Advance(TimeSpan.FromSeconds(15));
        var sent = await monitoring.DispatchAsync(default);
        await poison.ClearMessagesAsync();
        await monitoring.WatchAsync(default);

        var alert = Assert.Single(sent, alert => alert.Kind == AlertKind.Poison);
        Assert.Equal([new AlertSubject("audit-events-poison", 2, null)], alert.Subjects);
        Assert.DoesNotContain(await pipeline.Services().GetRequiredService<AlertStore>().PendingAsync(default), pending => pending.Signal.Kind == AlertKind.Poison);
    }

    [Fact]
    public async Task A_month_with_events_and_no_report_a_day_after_it_was_due_is_overdue_until_its_report_comes()
    {
        var month = new Month(2011, 3);
        pipeline.Clock.AdjustTime(month.StartUtc.AddDays(3));
        await pipeline.Services().GetRequiredService<TableEventStore>().AppendAsync([Parse(PrivXSample.Item(100, month.StartUtc.AddDays(2)))], default);
        var scheduling = pipeline.Services().GetRequiredService<ReportScheduling>();
        var dueAt = month.EndUtc + TimeSpan.FromHours(6);

        pipeline.Clock.AdjustTime(dueAt + TimeSpan.FromHours(23));
        var notYet = await scheduling.OverdueAsync(TimeSpan.FromDays(1), default);
        pipeline.Clock.AdjustTime(dueAt + TimeSpan.FromDays(1));
        var overdue = await scheduling.OverdueAsync(TimeSpan.FromDays(1), default);
        await pipeline.Services().GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
        var reported = await scheduling.OverdueAsync(TimeSpan.FromDays(1), default);

        Assert.DoesNotContain(notYet, entry => entry.Month == month);
        Assert.Contains((month, dueAt), overdue);
        Assert.DoesNotContain(reported, entry => entry.Month == month);
    }

    [Fact]
    public async Task A_report_that_fails_to_generate_raises_one_alert_however_often_it_is_retried()
    {
        var month = new Month(2011, 4);
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1));
        await pipeline.Services().GetRequiredService<TableEventStore>().AppendAsync([Parse(PrivXSample.Item(100, month.StartUtc.AddDays(2)))], default);
        var failing = pipeline.ServicesWithStorage(options => options.AddPolicy(new RefuseReportUploads(), HttpPipelinePosition.PerCall));
        var request = ReportRequest.For(month, "test");

        await Assert.ThrowsAnyAsync<Exception>(() => failing.GetRequiredService<ReportGeneration>().ServeAsync(request, default));
        await Assert.ThrowsAnyAsync<Exception>(() => failing.GetRequiredService<ReportGeneration>().ServeAsync(request, default));

        var signal = Assert.Single(await pipeline.Services().GetRequiredService<AlertStore>().PendingAsync(default), pending => pending.Signal.Kind == AlertKind.ReportFailed).Signal;
        Assert.Equal((month.ToString(), "RequestFailedException"), (signal.Subject, signal.Detail));
    }

    [Fact]
    public async Task A_latest_version_unreviewed_past_its_due_time_raises_one_review_alert()
    {
        var month = new Month(2011, 6);
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1));
        await pipeline.Services().GetRequiredService<TableEventStore>().AppendAsync([Parse(PrivXSample.Item(100, month.StartUtc.AddDays(2)))], default);
        await pipeline.Services().GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
        var monitoring = pipeline.Services().GetRequiredService<AlertMonitoring>();

        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1) + TimeSpan.FromDays(7) - TimeSpan.FromHours(2));
        await monitoring.WatchAsync(default);
        var early = ReviewAlerts(await pipeline.Services().GetRequiredService<AlertStore>().PendingAsync(default), month);
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1) + TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await monitoring.WatchAsync(default);
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1) + TimeSpan.FromDays(8));
        await monitoring.WatchAsync(default);

        Assert.Empty(early);
        var signal = Assert.Single(ReviewAlerts(await pipeline.Services().GetRequiredService<AlertStore>().PendingAsync(default), month));
        Assert.Equal($"{month} version 1", signal.Subject);
    }

    private static List<AlertSignal> ReviewAlerts(IEnumerable<PendingSignal> pending, Month month) =>
        pending.Select(entry => entry.Signal).Where(signal => signal.Kind == AlertKind.ReviewOverdue && signal.Subject.StartsWith(month.ToString(), StringComparison.Ordinal)).ToList();

    private static AuditEvent Parse(string item) => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event;

    /// <summary>Blob storage refusing the report's files, as an outage would.</summary>
    private sealed class RefuseReportUploads : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.Contains("/reports/", StringComparison.Ordinal))
            {
                message.Request.Uri.Path = "/no-such-account-path-for-tests" + message.Request.Uri.Path;
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store is used asynchronously.");
    }
}
