using System.Net;
using Azure;
using Azure.Storage.Blobs;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Reports;

/// <summary>Outcomes of report requests by request id, in their own container beside the reports.</summary>
public sealed class ReportRequestOutcomes(StorageClientFactory clients)
{
    public const string ContainerName = "report-requests";

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);

    public async Task RecordAsync(ReportRequestOutcome outcome, CancellationToken cancellationToken)
    {
        await container.GetBlobClient(BlobName(outcome.RequestId)).UploadAsync(new BinaryData(outcome.ToUtf8Json()), overwrite: true, cancellationToken);
    }

    /// <summary>The outcome, or <c>null</c> while the request is still waiting or running.</summary>
    public async Task<ReportRequestOutcome?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName(requestId)).DownloadContentAsync(cancellationToken);
            return ReportRequestOutcome.FromUtf8Json(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string BlobName(string requestId) => $"{requestId}.json";
}
