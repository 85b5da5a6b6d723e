using System.Text.Json;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;
using UglyToad.PdfPig;

namespace ComplianceReports.EndToEnd.Tests;

[Collection(LocalFunctionsHostCollection.Name)]
public sealed class RunningThePipelineLocally(LocalFunctionsHostFixture host)
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Events_put_on_the_queue_land_in_the_event_store_once()
    {
        var items = Enumerable.Range(0, 30).Select(i => PrivXSample.Item(100 + i % 3, March.AddHours(i * 5), $"user{i}")).ToList();
        var queue = new AuditEventQueue(host.Storage);
        await queue.SendBatchesAsync(items, AuditEventQueue.NewSendId(), null, CancellationToken.None);
        // A redelivered export stores nothing new.
        await queue.SendBatchesAsync(items.Take(10), AuditEventQueue.NewSendId(), null, CancellationToken.None);

        var store = new TableEventStore(host.Storage, TimeProvider.System);
        var stored = await Eventually.ReturnsAsync("30 events of March in the store", async () =>
        {
            var events = await store.ReadMonthAsync(Month.Of(March), CancellationToken.None).ToListAsync();
            return events.Count >= 30 ? events : null;
        });
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(30, (await store.ReadMonthAsync(Month.Of(March), CancellationToken.None).ToListAsync()).Count);
        Assert.Equal(10, stored.Count(e => e.Event.Code == 100));
        Assert.All(stored, e => Assert.Equal(TimeSpan.Zero, e.Event.OccurredAt.Offset));
    }

    [Fact]
    public async Task A_report_request_produces_a_pdf_whose_counts_agree_with_summary_json()
    {
        var april = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var codes = new[] { 100, 100, 100, 102, 102, 301, 802 };
        var items = codes.Select((code, i) => PrivXSample.Item(code, april.AddDays(i * 4).AddMinutes(i))).ToList();
        await new AuditEventQueue(host.Storage).SendBatchesAsync(items, AuditEventQueue.NewSendId(), null, CancellationToken.None);
        var store = new TableEventStore(host.Storage, TimeProvider.System);
        await Eventually.ReturnsAsync("April's events in the store", async () =>
            await store.ReadMonthAsync(Month.Of(april), CancellationToken.None).CountAsync() == codes.Length ? (object)true : null);

        var request = ReportRequest.For(Month.Of(april), requestedBy: "test");
        await new ReportRequestQueue(host.Storage).SendAsync(request, CancellationToken.None);
        var outcomes = new ReportRequestOutcomes(host.Storage);
        var outcome = await Eventually.ReturnsAsync("the report request's outcome", () => outcomes.FindAsync(request.RequestId, CancellationToken.None));

        Assert.Equal(1, outcome.Version);
        Assert.Equal(codes.Length, outcome.EventCount);
        var reports = new BlobReportStore(host.Storage);
        var manifest = Assert.Single(await reports.ListVersionsAsync(Month.Of(april), CancellationToken.None));
        var summary = ReportSummary.FromUtf8Json(await ReadAllAsync(reports, manifest, "summary.json"));
        Assert.Equal("2026-04", summary.Month);
        Assert.Equal(new Dictionary<string, long> { ["100"] = 3, ["102"] = 2, ["301"] = 1, ["802"] = 1 }, summary.CountsByCode);

        using var pdf = PdfDocument.Open(await ReadAllAsync(reports, manifest, "report.pdf"));
        var lines = pdf.GetPages().SelectMany(page => page.GetWords()
            .GroupBy(word => Math.Round(word.BoundingBox.Bottom))
            .Select(line => string.Join(' ', line.OrderBy(word => word.BoundingBox.Left).Select(word => word.Text))))
            .ToList();
        // The appendix lists every code with its catalog name and count.
        foreach (var (code, count) in summary.CountsByCode)
        {
            Assert.Contains(lines, line => line.StartsWith($"{code} ", StringComparison.Ordinal) && line.EndsWith($" {count}", StringComparison.Ordinal));
        }
        Assert.Contains(lines, line => line.Contains("2026-04", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_timer_catches_up_on_a_past_month_with_events_and_no_report_once()
    {
        var january = new Month(2023, 1);
        await new PipelineClient(host.Storage).SendEnvelopeAsync("timer-catch-up", [PrivXSample.Item(100, january.StartUtc.AddDays(3))]);
        var reports = new BlobReportStore(host.Storage);

        var manifest = await Eventually.ReturnsAsync($"the timer's report for {january}", () => reports.GetLatestAsync(january, CancellationToken.None));
        // The timer keeps firing every two seconds; a month whose report covers its events is not asked for again.
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal(1, manifest.Version);
        Assert.Single(await reports.ListVersionsAsync(january, CancellationToken.None));
    }

    private static async Task<byte[]> ReadAllAsync(BlobReportStore reports, ReportManifest manifest, string file)
    {
        await using var stream = await reports.OpenFileAsync(manifest, file, CancellationToken.None);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
