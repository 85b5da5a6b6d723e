using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>What a producer and a report reader do against the running pipeline, and wait for.</summary>
internal sealed class PipelineClient(StorageClientFactory storage)
{
    public BlobReportStore Reports { get; } = new(storage);

    public async Task SendAsync(string body)
    {
        var queue = storage.CreateQueueClient(QueueNames.AuditEvents);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(body);
    }

    /// <summary>Sends the items in one envelope and waits for the pipeline's receipt of it.</summary>
    public async Task<IngestReceipt> SendEnvelopeAsync(string batchId, IEnumerable<string> items)
    {
        await SendAsync($$"""{"batchId":"{{batchId}}","events":[{{string.Join(',', items)}}]}""");
        return await WaitForReceiptAsync(batchId, TimeSpan.FromSeconds(60));
    }

    public Task<IngestReceipt> WaitForReceiptAsync(string batchId, TimeSpan timeout) =>
        Eventually.ReturnsAsync($"the receipt of {batchId}", () => new IngestReceipts(storage).FindAsync(batchId, default), timeout);

    /// <summary>Asks for the month's report as the timer and the CLI do, and waits until it is served.</summary>
    public async Task<ReportManifest> GenerateAsync(Month month)
    {
        var request = ReportRequest.For(month, requestedBy: "test");
        await new ReportRequestQueue(storage).SendAsync(request, default);
        var outcome = await Eventually.ReturnsAsync(
            $"the {month} report", () => new ReportRequestOutcomes(storage).FindAsync(request.RequestId, default), TimeSpan.FromMinutes(3));
        return (await Reports.ListVersionsAsync(month, default)).Single(manifest => manifest.Version == outcome.Version);
    }

    public async Task<byte[]> ReadAsync(ReportManifest manifest, string file)
    {
        await using var stream = await Reports.OpenFileAsync(manifest, file, default);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async Task<ReportSummary> ReadSummaryAsync(ReportManifest manifest) =>
        ReportSummary.FromUtf8Json(await ReadAsync(manifest, ReportFileNames.Summary));

    /// <summary>Writes every file of the version into <paramref name="directory"/>, as <c>compliance report download</c> does.</summary>
    public async Task DownloadAsync(ReportManifest manifest, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in manifest.Files.Keys)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, file), await ReadAsync(manifest, file));
        }
    }
}
