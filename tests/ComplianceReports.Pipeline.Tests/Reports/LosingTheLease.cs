using Azure.Core;
using Azure.Storage.Blobs.Specialized;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>A generator that no longer holds its month stops before publishing, and what was published stays as it was.</summary>
public sealed class LosingTheLease(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task A_generator_whose_lease_is_broken_mid_publication_publishes_nothing_and_the_published_version_stays_byte_identical()
    {
        var month = new Month(2015, 3);
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1));
        var events = pipeline.Services().GetRequiredService<TableEventStore>();
        await events.AppendAsync(Enumerable.Range(0, 6).Select(i => Parse(PrivXSample.Item(100, month.StartUtc.AddDays(i), $"user{i}"))), default);
        var first = await pipeline.Services().GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
        var before = await SnapshotAsync(month);
        await events.AppendAsync([Parse(PrivXSample.Item(100, month.StartUtc.AddDays(20), "late"))], default);

        var lockBlob = pipeline.Storage.CreateBlobContainerClient(MonthLocks.ContainerName).GetBlobClient($"{month}.lock");
        var breaker = new BeforeFirstUpload($"/{BlobReportStore.ContainerName}/{month}/v2/", () => lockBlob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero));
        var generator = pipeline.ServicesWithStorage(options => options.AddPolicy(breaker, HttpPipelinePosition.PerCall));
        var request = ReportRequest.For(month, "cut off");

        await Assert.ThrowsAsync<MonthLeaseLostException>(() => generator.GetRequiredService<ReportGeneration>().ServeAsync(request, default));

        Assert.True(breaker.Ran);
        Assert.Equal((1, 6L), (first.Version, first.EventCount));
        var versions = await pipeline.Services().GetRequiredService<BlobReportStore>().ListVersionsAsync(month, default);
        Assert.Equal(1, Assert.Single(versions).Version);
        var after = await SnapshotAsync(month);
        Assert.All(before, blob => Assert.Equal(blob.Value, after[blob.Key]));
        Assert.DoesNotContain($"{month}/v2/{ReportFileNames.Manifest}", after.Keys);
        Assert.Null(await pipeline.Services().GetRequiredService<ReportRequestOutcomes>().FindAsync(request.RequestId, default));
    }

    private Task<Dictionary<string, string>> SnapshotAsync(Month month) =>
        BlobSnapshot.TakeAsync(pipeline.Storage.CreateBlobContainerClient(BlobReportStore.ContainerName), $"{month}/");

    private static AuditEvent Parse(string item) => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event;
}
