using System.Text;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>What the queue receives is in the event store exactly once, or in quarantine with the reason.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class IngestingEvents(LocalFunctionsHostFixture host)
{
    private TableEventStore Store => new(host.Storage, TimeProvider.System);

    [Fact]
    public async Task The_same_events_in_different_messages_and_shapes_are_stored_once()
    {
        var start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var items = Enumerable.Range(0, 12).Select(i => PrivXSample.Item(100, start.AddHours(i), $"user{i}")).ToList();

        await SendAsync($"[{string.Join(',', items)}]");
        await SendAsync(PrivXSample.Page(items.Take(6).ToList()));
        await SendAsync(string.Join('\n', items.Skip(6)));
        await Eventually.ReturnsAsync("June's events in the store", async () => await CountAsync(new Month(2025, 6)) == 12 ? (object)true : null);
        var receipt = await SendEnvelopeAsync("dups-1", items);

        Assert.Equal(new IngestionNumbers(0, 12, 0), receipt);
        Assert.Equal(12, await CountAsync(new Month(2025, 6)));
    }

    [Fact]
    public async Task Bad_items_are_quarantined_with_their_reason_and_the_good_ones_in_the_same_message_are_stored()
    {
        var july = new DateTimeOffset(2025, 7, 10, 12, 0, 0, TimeSpan.Zero);
        var good = new[] { PrivXSample.Item(100, july), PrivXSample.Item(102, july.AddMinutes(1)), PrivXSample.Item(1701, july.AddMinutes(2)) };
        const string noTime = """{"event_id":"100","message":{"username":"bob"}}""";
        const string badCode = """{"event_id":"-4","created":"2025-07-10T12:00:00Z"}""";

        var receipt = await SendEnvelopeAsync("mixed-1", [good[0], noTime, good[1], badCode, good[2]]);
        var quarantined = await new QuarantineStore(host.Storage)
            .ReadAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)), default)
            .Where(item => item.BatchId == "mixed-1")
            .OrderBy(item => item.Position)
            .ToListAsync();

        Assert.Equal(new IngestionNumbers(3, 0, 2), receipt);
        Assert.Equal(3, await CountAsync(new Month(2025, 7)));
        Assert.Equal([noTime, badCode], quarantined.Select(item => item.OriginalText));
        Assert.Equal(["item 2 (line 1)", "item 4 (line 1)"], quarantined.Select(item => item.Where));
        Assert.Contains("neither \"created\" nor \"message.timestamp\"", quarantined[0].Reason, StringComparison.Ordinal);
        Assert.Contains("non-negative whole number", quarantined[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_is_not_json_is_quarantined_whole()
    {
        var body = "time=2025-08-01 event=100 user=alice " + Guid.NewGuid();

        await SendAsync(body);
        var quarantined = await Eventually.ReturnsAsync("the message in quarantine", async () =>
            await new QuarantineStore(host.Storage)
                .ReadAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)), default)
                .FirstOrDefaultAsync(item => item.OriginalText == body));

        Assert.Equal("the message", quarantined.Where);
        Assert.StartsWith("The message is not JSON", quarantined.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(quarantined.MessageId));
    }

    [Fact]
    public async Task Unknown_codes_are_stored_and_counted_uncategorized_in_the_report()
    {
        var august = new DateTimeOffset(2025, 8, 15, 8, 0, 0, TimeSpan.Zero);
        var items = new[] { PrivXSample.Item(1701, august), PrivXSample.Item(1701, august.AddMinutes(1)), PrivXSample.Item(2301, august.AddMinutes(2)), PrivXSample.Item(100, august.AddMinutes(3)) };

        await SendEnvelopeAsync("unknown-1", items);
        var summary = await GenerateAsync(new Month(2025, 8));

        Assert.Equal(2, summary.CountsByCode["1701"]);
        Assert.Equal(1, summary.CountsByCode["2301"]);
        Assert.Equal(3, summary.CountsByCategory["uncategorized"]);
        Assert.Equal(1, summary.CountsByCategory["logins"]);
    }

    [Fact]
    public async Task Events_fall_in_the_utc_month_of_their_own_time_whatever_their_offset()
    {
        var items = new[]
        {
            PrivXSample.Item(100, new DateTimeOffset(2025, 9, 30, 23, 30, 0, TimeSpan.FromHours(-1))), // 1 October 00:30 UTC
            PrivXSample.Item(100, new DateTimeOffset(2025, 10, 1, 1, 30, 0, TimeSpan.FromHours(2))),   // 30 September 23:30 UTC
            PrivXSample.Item(102, new DateTimeOffset(2025, 9, 30, 23, 59, 59, TimeSpan.Zero)),
            PrivXSample.Item(102, new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero)),
        };

        await SendEnvelopeAsync("boundary-1", items);
        var september = await GenerateAsync(new Month(2025, 9));
        var october = await GenerateAsync(new Month(2025, 10));

        Assert.Equal(new Dictionary<string, long> { ["100"] = 1, ["102"] = 1 }, september.CountsByCode);
        Assert.Equal(new Dictionary<string, long> { ["100"] = 1, ["102"] = 1 }, october.CountsByCode);
    }

    [Fact]
    public async Task An_export_of_many_messages_worth_of_events_goes_through_the_ingest_container()
    {
        // Enough for many transactions and chunks; the 100,000-event figure belongs to the benchmark, not to a timed test.
        const int count = 5_000;
        var november = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var export = new MemoryStream();
        await using (var writer = new StreamWriter(export, new UTF8Encoding(false), leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                // Eight minutes apart: every day of November, about 180 events a day.
                await writer.WriteLineAsync(PrivXSample.Item(100 + i % 7, november.AddMinutes(i * 8), $"user{i % 50}"));
            }
        }
        export.Position = 0;
        await new IngestBlobs(host.Storage).UploadAsync("export-100k.ndjson", export, default);

        await SendAsync("""{"batchId":"export-100k","blob":"export-100k.ndjson"}""");
        var receipt = await WaitForReceiptAsync("export-100k", TimeSpan.FromMinutes(2));

        Assert.Equal(new IngestionNumbers(count, 0, 0), receipt);
        Assert.Null(await new IngestBlobs(host.Storage).OpenReadAsync("export-100k.ndjson", default));
        Assert.Equal(count, (await GenerateAsync(new Month(2025, 11))).EventCount);
    }

    private PipelineClient Pipeline => new(host.Storage);

    private Task SendAsync(string body) => Pipeline.SendAsync(body);

    private async Task<IngestionNumbers> SendEnvelopeAsync(string batchId, IEnumerable<string> items) =>
        Numbers(await Pipeline.SendEnvelopeAsync(batchId, items));

    private async Task<IngestionNumbers> WaitForReceiptAsync(string batchId, TimeSpan timeout) =>
        Numbers(await Pipeline.WaitForReceiptAsync(batchId, timeout));

    private static IngestionNumbers Numbers(IngestReceipt receipt) => new(receipt.Stored, receipt.Duplicates, receipt.Quarantined);

    private async Task<int> CountAsync(Month month) => await Store.ReadMonthAsync(month, default).CountAsync();

    private async Task<ReportSummary> GenerateAsync(Month month) => await Pipeline.ReadSummaryAsync(await Pipeline.GenerateAsync(month));

    private sealed record IngestionNumbers(int Stored, int Duplicates, int Quarantined);
}
