using ComplianceReports.Domain.Contracts;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Storage.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

public sealed class TakingInExports(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
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
}
