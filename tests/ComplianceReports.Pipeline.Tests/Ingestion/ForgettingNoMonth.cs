using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>A change marker means "may have changed": no partly committed message leaves its month unreported.</summary>
public sealed class ForgettingNoMonth(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task A_message_that_failed_after_committing_part_of_its_events_gets_its_month_a_new_version_when_redelivered()
    {
        var services = pipeline.Services();
        pipeline.Clock.AdjustTime(new DateTimeOffset(2017, 1, 20, 0, 0, 0, TimeSpan.Zero));
        var items = Enumerable.Range(0, 100).Select(i => PrivXSample.Item(100, new DateTimeOffset(2017, 1, 5, 8, 0, 0, TimeSpan.Zero).AddSeconds(i), $"user{i % 7}"))
            .Concat(Enumerable.Range(0, 40).Select(i => PrivXSample.Item(102, new DateTimeOffset(2017, 1, 6, 9, 0, 0, TimeSpan.Zero).AddSeconds(i), "mallory")));
        var body = $$"""{"batchId":"partly-committed","events":[{{string.Join(',', items)}}]}""";
        var failing = pipeline.ServicesWithStorage(options =>
        {
            options.Retry.MaxRetries = 0;
            options.AddPolicy(new FailTransactionsAfterTheFirst(), HttpPipelinePosition.PerRetry);
        });

        await Assert.ThrowsAnyAsync<RequestFailedException>(() => failing.GetRequiredService<AuditEventIngestion>().IngestAsync(body, "message-1", default));
        pipeline.Clock.AdjustTime(new DateTimeOffset(2017, 2, 2, 0, 0, 0, TimeSpan.Zero));
        var generation = services.GetRequiredService<ReportGeneration>();
        var before = await generation.ServeAsync(ReportRequest.For(new Month(2017, 1), "test"), default);
        await services.GetRequiredService<AuditEventIngestion>().IngestAsync(body, "message-1", default);
        await pipeline.ClearQueuedRequestsAsync();
        await services.GetRequiredService<ReportScheduling>().RequestDueReportsAsync(default);
        var request = Assert.Single(await pipeline.QueuedRequestsAsync(), queued => queued.Month == "2017-01");
        var after = await generation.ServeAsync(request, default);

        // The message's two transactions (one a day) run side by side: either may be the one that committed.
        Assert.Equal(1, before.Version);
        Assert.Contains(before.EventCount, new[] { 100L, 40L });
        Assert.Equal((2, 140L), (after.Version, after.EventCount));
    }

    [Fact]
    public async Task A_month_touched_only_by_duplicates_is_read_again_and_keeps_its_version()
    {
        var services = pipeline.Services();
        pipeline.Clock.AdjustTime(new DateTimeOffset(2016, 12, 20, 0, 0, 0, TimeSpan.Zero));
        var body = $$"""{"batchId":"dup","events":[{{PrivXSample.Item(100, new DateTimeOffset(2016, 12, 3, 8, 0, 0, TimeSpan.Zero))}}]}""";
        var ingestion = services.GetRequiredService<AuditEventIngestion>();
        await ingestion.IngestAsync(body, "message-2", default);
        pipeline.Clock.AdjustTime(new DateTimeOffset(2017, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var generation = services.GetRequiredService<ReportGeneration>();
        var first = await generation.ServeAsync(ReportRequest.For(new Month(2016, 12), "test"), default);

        await ingestion.IngestAsync(body, "message-2-redelivered", default);
        await pipeline.ClearQueuedRequestsAsync();
        await services.GetRequiredService<ReportScheduling>().RequestDueReportsAsync(default);
        var request = Assert.Single(await pipeline.QueuedRequestsAsync(), queued => queued.Month == "2016-12");
        var again = await generation.ServeAsync(request, default);

        Assert.Equal((1, false), (again.Version, again.NewVersion));
        Assert.True(first.NewVersion);
    }

    /// <summary>
    /// Lets the first entity-group transaction commit and fails every later one once it has, as storage
    /// going away mid-message does: the transactions run side by side, so a failure must not cancel the
    /// first before it lands.
    /// </summary>
    private sealed class FailTransactionsAfterTheFirst : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource firstCommitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int transactions;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!EventTransactions.IsEventTransaction(message))
            {
                await ProcessNextAsync(message, pipeline);
                return;
            }
            if (Interlocked.Increment(ref transactions) > 1)
            {
                await firstCommitted.Task;
                throw new RequestFailedException(503, "The server is busy.");
            }
            await ProcessNextAsync(message, pipeline);
            firstCommitted.TrySetResult();
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }
}
