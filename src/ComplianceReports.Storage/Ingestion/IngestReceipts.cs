using System.Net;
using Azure;
using Azure.Data.Tables;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Ingestion;

/// <summary>
/// Receipts by batch id. A redelivered batch writes its receipt again with what that delivery found,
/// so after a retry the events an earlier attempt stored count as duplicates.
/// </summary>
public sealed class IngestReceipts(StorageClientFactory clients)
{
    public const string TableName = "IngestReceipts";

    private const string Row = "receipt";

    private readonly TableClient table = clients.CreateTableClient(TableName);

    public async Task RecordAsync(IngestReceipt receipt, CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(
            new TableEntity(receipt.BatchId, Row)
            {
                [nameof(IngestReceipt.Stored)] = receipt.Stored,
                [nameof(IngestReceipt.Duplicates)] = receipt.Duplicates,
                [nameof(IngestReceipt.Quarantined)] = receipt.Quarantined,
                [nameof(IngestReceipt.CompletedAt)] = receipt.CompletedAt,
                [nameof(IngestReceipt.Blob)] = receipt.Blob,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>The receipt, or <c>null</c> while the batch waits or runs.</summary>
    public async Task<IngestReceipt?> FindAsync(string batchId, CancellationToken cancellationToken)
    {
        try
        {
            var entity = (await table.GetEntityAsync<TableEntity>(batchId, Row, cancellationToken: cancellationToken)).Value;
            return new IngestReceipt(
                batchId,
                entity.GetInt32(nameof(IngestReceipt.Stored))!.Value,
                entity.GetInt32(nameof(IngestReceipt.Duplicates))!.Value,
                entity.GetInt32(nameof(IngestReceipt.Quarantined))!.Value,
                entity.GetDateTimeOffset(nameof(IngestReceipt.CompletedAt))!.Value,
                entity.GetString(nameof(IngestReceipt.Blob)));
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
