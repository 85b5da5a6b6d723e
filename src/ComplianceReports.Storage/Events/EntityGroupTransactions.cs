using Azure.Data.Tables;

namespace ComplianceReports.Storage.Events;

/// <summary>
/// Splits entities into entity-group transactions the Table service accepts: one partition, at most 100
/// entities and under 4 MiB each. Azurite accepts mixed partitions and Azure does not, so the rule is
/// kept here rather than trusted to the emulator.
/// </summary>
public static class EntityGroupTransactions
{
    public const int MaxEntities = 100;

    /// <summary>4 MiB is the service's limit; the margin covers the multipart envelope around each entity.</summary>
    public const long MaxPayloadBytes = 4L * 1024 * 1024 - 256 * 1024;

    public static IEnumerable<IReadOnlyList<TableEntity>> Plan(IEnumerable<TableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableEntity>(MaxEntities);
            long batchBytes = 0;
            foreach (var entity in partition)
            {
                var size = EventEntity.EstimatedSize(entity);
                if (batch.Count == MaxEntities || (batch.Count > 0 && batchBytes + size > MaxPayloadBytes))
                {
                    yield return batch;
                    batch = new List<TableEntity>(MaxEntities);
                    batchBytes = 0;
                }
                batch.Add(entity);
                batchBytes += size;
            }
            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }
}
