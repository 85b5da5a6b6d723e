using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Ingestion;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

public class RecordingIngestReceipts(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly IngestReceipts receipts = new(storage.Clients);

    [Fact]
    public async Task A_receipt_is_found_by_its_batch_id_and_a_later_delivery_replaces_it()
    {
        await receipts.RecordAsync(new IngestReceipt("send-1-00001", 10, 0, 1, Utc(2026, 1, 1)), default);
        await receipts.RecordAsync(new IngestReceipt("send-1-00001", 0, 10, 1, Utc(2026, 1, 2)), default);

        Assert.Equal(new IngestReceipt("send-1-00001", 0, 10, 1, Utc(2026, 1, 2)), await receipts.FindAsync("send-1-00001", default));
        Assert.Null(await receipts.FindAsync("send-1-00002", default));
    }

    [Fact]
    public async Task The_ingest_container_refuses_names_that_would_leave_it()
    {
        var exports = new IngestBlobs(storage.Clients);

        await Assert.ThrowsAsync<ArgumentException>(() => exports.OpenReadAsync("../reports/2026-10/v1/report.pdf", default));
        await Assert.ThrowsAsync<ArgumentException>(() => exports.OpenReadAsync("https://elsewhere.blob.core.windows.net/x/y", default));
        Assert.Null(await exports.OpenReadAsync("missing.ndjson", default));
    }
}
