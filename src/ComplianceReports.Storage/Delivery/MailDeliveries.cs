using System.Globalization;
using Azure.Data.Tables;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Delivery;

/// <summary>
/// Table <c>ReportMailDeliveries</c>: one row per version (partition <c>YYYY-MM-vN</c>) and recipient (row).
/// A sender checks it before sending and writes it after, so a version goes once to each recipient
/// however often its request is delivered.
/// </summary>
public sealed class MailDeliveries(StorageClientFactory clients)
{
    public const string TableName = "ReportMailDeliveries";

    private readonly TableClient table = clients.CreateTableClient(TableName);

    public async Task<IReadOnlyList<MailDelivery>> ReadAsync(string month, int version, CancellationToken cancellationToken)
    {
        var deliveries = new List<MailDelivery>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(month, version)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            deliveries.Add(From(entity));
        }
        return deliveries;
    }

    /// <summary>Every delivery not sent yet, pending or failed, by version.</summary>
    public async Task<IReadOnlyList<MailDelivery>> UnsentAsync(CancellationToken cancellationToken)
    {
        var unsent = new List<MailDelivery>();
        var filter = TableClient.CreateQueryFilter($"Status ne {nameof(MailDeliveryStatus.Sent)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            unsent.Add(From(entity));
        }
        return unsent.OrderBy(delivery => delivery.Month, StringComparer.Ordinal).ThenBy(delivery => delivery.Version).ThenBy(delivery => delivery.Recipient, StringComparer.Ordinal).ToList();
    }

    public async Task WriteAsync(IEnumerable<MailDelivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
        {
            await table.UpsertEntityAsync(
                new TableEntity(Partition(delivery.Month, delivery.Version), TableKeys.Escape(delivery.Recipient))
                {
                    [nameof(MailDelivery.Month)] = delivery.Month,
                    [nameof(MailDelivery.Version)] = delivery.Version,
                    [nameof(MailDelivery.Status)] = delivery.Status.ToString(),
                    [nameof(MailDelivery.Attempts)] = delivery.Attempts,
                    [nameof(MailDelivery.LastError)] = delivery.LastError,
                    [nameof(MailDelivery.UpdatedAt)] = delivery.UpdatedAt,
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    private static MailDelivery From(TableEntity entity) => new(
        entity.GetString(nameof(MailDelivery.Month)),
        entity.GetInt32(nameof(MailDelivery.Version))!.Value,
        TableKeys.Unescape(entity.RowKey),
        Enum.Parse<MailDeliveryStatus>(entity.GetString(nameof(MailDelivery.Status))),
        entity.GetInt32(nameof(MailDelivery.Attempts)) ?? 0,
        entity.GetString(nameof(MailDelivery.LastError)),
        entity.GetDateTimeOffset(nameof(MailDelivery.UpdatedAt))!.Value);

    private static string Partition(string month, int version) => string.Create(CultureInfo.InvariantCulture, $"{month}-v{version}");
}
