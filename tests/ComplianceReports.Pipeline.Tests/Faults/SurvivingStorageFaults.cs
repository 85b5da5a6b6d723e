using Azure.Core;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>
/// Transient faults on any storage call, requests refused and replies lost after a commit, placed by
/// FsCheck: delivered again as the queue would, a message ends with every event stored once, its bad item
/// quarantined once, its receipt right and its month marked.
/// </summary>
public sealed class SurvivingStorageFaults(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    /// <summary>What host.json's maxDequeueCount allows; a message needing more would be poisoned, which these faults never should cause.</summary>
    private const int MaxDeliveries = 5;

    private const int GoodEvents = 240;

    private static int nextMonth;

    [Property(Arbitrary = [typeof(Faults)], MaxTest = 12)]
    public async Task A_message_redelivered_through_random_storage_faults_is_stored_exactly_once(Dictionary<int, StorageFault> faults)
    {
        var policy = new StorageFaults(faults);
        var faulty = pipeline.ServicesWithStorage(options => options.AddPolicy(policy, HttpPipelinePosition.PerRetry));

        await AssertDeliveredOnceAsync(faulty, () => $"faults: {string.Join("; ", policy.Injected)}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_message_redelivered_through_connections_reset_at_random_is_stored_exactly_once(int seed)
    {
        await using var proxy = ResettingProxy.Start(pipeline.ConnectionString, seed, resetChance: 0.3);

        await AssertDeliveredOnceAsync(pipeline.ServicesThrough(proxy.ConnectionString), () => $"seed {seed}, {proxy.Resets} connections reset");
        Assert.True(proxy.Resets > 0);
    }

    /// <summary>Delivers a message of a month of its own through <paramref name="faulty"/> until it goes through, as the queue would, and holds the outcome to once.</summary>
    private async Task AssertDeliveredOnceAsync(IServiceProvider faulty, Func<string> why)
    {
        var month = Month.Of(new Month(2005, 1).StartUtc.AddMonths(Interlocked.Increment(ref nextMonth)));
        var body = Message(month);
        var messageId = Guid.NewGuid().ToString();
        var deliveries = 0;
        while (true)
        {
            deliveries++;
            try
            {
                await faulty.GetRequiredService<AuditEventIngestion>().IngestAsync(body, messageId, default);
                break;
            }
            catch (Exception) when (deliveries < MaxDeliveries)
            {
                // The queue makes the message visible again and delivers it anew.
            }
        }

        var clean = pipeline.Services();
        var stored = await clean.GetRequiredService<TableEventStore>().ReadMonthAsync(month, default).Select(e => e.KeyIdentity).ToListAsync();
        var receipt = await clean.GetRequiredService<IngestReceipts>().FindAsync(BatchId(month), default);
        var quarantined = await clean.GetRequiredService<QuarantineStore>().ReadAsync(DateOnly.MinValue, DateOnly.MaxValue, default)
            .Where(item => item.MessageId == messageId).ToListAsync();
        var markers = await clean.GetRequiredService<TableEventStore>().ReadChangeMarkersAsync(new ReportPeriod(month, TimeZoneInfo.Utc), default);

        Assert.True(GoodEvents == stored.Count, why());
        Assert.Equal(GoodEvents, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.NotNull(receipt);
        Assert.True((GoodEvents, 1) == (receipt.Stored + receipt.Duplicates, receipt.Quarantined), why());
        Assert.Single(quarantined);
        Assert.True(markers.Months.ContainsKey(month), why());
    }

    [Fact]
    public async Task A_report_generation_failing_at_any_step_publishes_nothing_and_the_next_attempt_publishes_it_whole()
    {
        var month = new Month(2005, 1);
        pipeline.Clock.AdjustTime(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await pipeline.Services().GetRequiredService<AuditEventIngestion>().IngestAsync(Message(month), Guid.NewGuid().ToString(), default);
        var reports = pipeline.Services().GetRequiredService<BlobReportStore>();

        // Fail the first request, then the second, ... until a generation goes through without meeting its fault.
        var step = 0;
        while (true)
        {
            step++;
            var failing = pipeline.ServicesWithStorage(options => options.AddPolicy(new StorageFaults(new Dictionary<int, StorageFault> { [step] = StorageFault.Refused }, NotTheLock), HttpPipelinePosition.PerCall));
            try
            {
                await failing.GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
                break;
            }
            catch (IOException)
            {
                // Whatever is visible is a whole version: its manifest exists only once every file it names does.
                await AssertWholeAsync(reports, month);
            }
        }

        var outcome = await pipeline.Services().GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
        Assert.True(step > 5, $"generation went through with its request {step} failing");
        Assert.Equal((1, (long)GoodEvents), (outcome.Version, outcome.EventCount));
        Assert.Single(await reports.ListVersionsAsync(month, default));
        await AssertWholeAsync(reports, month);
    }

    /// <summary>
    /// Every step but the month's lease: a lease whose release failed is held until it expires, and
    /// LosingTheLease covers a generator that loses it.
    /// </summary>
    private static bool NotTheLock(HttpMessage message) => !message.Request.Uri.Path.Contains($"/{MonthLocks.ContainerName}/", StringComparison.Ordinal);

    private static async Task AssertWholeAsync(BlobReportStore reports, Month month)
    {
        foreach (var manifest in await reports.ListVersionsAsync(month, default))
        {
            Assert.Equal(GoodEvents, manifest.EventCount);
            foreach (var file in manifest.Files.Keys)
            {
                await using var content = await reports.OpenFileAsync(manifest, file, default);
                Assert.True(await content.ReadAsync(new byte[1]) > 0, $"{manifest.Month} v{manifest.Version} {file} is empty");
            }
        }
    }

    private static string BatchId(Month month) => $"faults-{month}";

    /// <summary>Events over three days (three partitions, so several transactions), one too big for a row, and one bad item.</summary>
    private static string Message(Month month)
    {
        var items = Enumerable.Range(0, GoodEvents - 1).Select(i => PrivXSample.Item(100, month.StartUtc.AddDays(i % 3).AddMinutes(i), $"user{i}")).ToList();
        var created = month.StartUtc.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        items.Add($$"""{"event_id":"802","created":"{{created}}","message":{"modifications":"{{new string('m', 40_000)}}"} }""");
        items.Add("""{"event_id":"not a code","created":"2005-01-01T00:00:00Z"}""");
        return $$"""{"batchId":"{{BatchId(month)}}","events":[{{string.Join(',', items)}}]}""";
    }

    /// <summary>Up to six faults among the first 60 requests of a delivery's worth, each refused or with its reply lost.</summary>
    public static class Faults
    {
        public static Arbitrary<Dictionary<int, StorageFault>> Placements() =>
            Arb.From(
                from count in Gen.Choose(1, 6)
                from at in Gen.ArrayOf(Gen.Choose(1, 60), count)
                from kinds in Gen.ArrayOf(Gen.Elements(StorageFault.Refused, StorageFault.ReplyLost), count)
                select at.Zip(kinds).DistinctBy(pair => pair.First).ToDictionary(pair => pair.First, pair => pair.Second));
    }
}
