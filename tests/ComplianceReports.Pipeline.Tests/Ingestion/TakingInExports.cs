using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using ComplianceReports.Testing;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Storage.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

public sealed partial class TakingInExports(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task A_missing_export_counts_as_taken_in_only_by_a_receipt_for_that_same_export()
    {
        var receipts = pipeline.Services().GetRequiredService<IngestReceipts>();
        await receipts.RecordAsync(new IngestReceipt("export-batch", 7, 0, 0, DateTimeOffset.UtcNow, "first.ndjson"), default);
        var ingestion = pipeline.Services().GetRequiredService<AuditEventIngestion>();

        var redelivered = await ingestion.IngestAsync("""{"batchId":"export-batch","blob":"first.ndjson"}""", "message-1", default);
        var another = await ingestion.IngestAsync("""{"batchId":"export-batch","blob":"second.ndjson"}""", "message-2", default);

        Assert.Equal(new IngestionOutcome(0, 7, 0), redelivered);
        Assert.Equal(new IngestionOutcome(0, 0, 1), another);
    }

    [Fact]
    public async Task A_line_repeated_later_in_an_export_counts_as_a_duplicate_without_shifting_where_a_refused_line_is_said_to_be()
    {
        // 2,500 events over chunks of 1,000; copies of early lines come after the chunk they were read in.
        var start = new DateTimeOffset(2004, 2, 3, 0, 0, 0, TimeSpan.Zero);
        var items = Enumerable.Range(0, 2_500).Select(i => PrivXSample.Item(1, start.AddSeconds(i), user: $"user{i}")).ToList();
        var lines = items.Take(1_200).Append(items[5]).Append(items[1_100]).Concat(items.Skip(1_200)).Append(items[2_499]).ToList();
        lines.Insert(1_500, "{ not json");
        await using (var content = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))))
        {
            await pipeline.Services().GetRequiredService<IngestBlobs>().UploadAsync("repeats.ndjson", content, default);
        }
        var messageId = Guid.NewGuid().ToString();
        var inserts = new CountedEventInserts();
        var counted = pipeline.ServicesWithStorage(options => options.AddPolicy(inserts, HttpPipelinePosition.PerCall));

        var outcome = await counted.GetRequiredService<AuditEventIngestion>().IngestAsync("""{"batchId":"repeats-batch","blob":"repeats.ndjson"}""", messageId, default);

        Assert.Equal(new IngestionOutcome(2_500, 3, 1), outcome);
        // Each event sent to the table once: no transaction was refused for a row already there.
        Assert.Equal(2_500, inserts.Count);
        var stored = await pipeline.Services().GetRequiredService<TableEventStore>().ReadMonthAsync(new Month(2004, 2), default).CountAsync();
        Assert.Equal(2_500, stored);
        var refused = await pipeline.Services().GetRequiredService<QuarantineStore>().ReadAsync(DateOnly.MinValue, DateOnly.MaxValue, default)
            .Where(item => item.MessageId == messageId).SingleAsync();
        Assert.Equal(1_500, refused.Position);
    }

    /// <summary>Counts the event inserts sent in entity-group transactions: a transaction refused for a stored row sends its others again.</summary>
    private sealed partial class CountedEventInserts : HttpPipelinePolicy
    {
        private int count;

        public int Count => count;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && message.Request.Content is { } content)
            {
                using var body = new MemoryStream();
                await content.WriteToAsync(body, message.CancellationToken);
                Interlocked.Add(ref count, EventInsert().Count(Encoding.UTF8.GetString(body.ToArray())));
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        [GeneratedRegex($@"^POST \S+/{TableEventStore.TableName}[?\s]", RegexOptions.Multiline)]
        private static partial Regex EventInsert();
    }
}
