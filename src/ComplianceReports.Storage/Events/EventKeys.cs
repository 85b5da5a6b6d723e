using System.Globalization;
using Azure.Data.Tables;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Storage.Events;

/// <summary>
/// The one place that knows the event table's keys. Partition: the event's own UTC day, so a month is
/// a contiguous key range and arrival order never matters. Row: UTC ticks then identity, so rows sort by
/// time and a re-sent event lands on the same key and is refused as a duplicate.
/// </summary>
public static class EventKeys
{
    public static string PartitionKey(DateTimeOffset occurredAt) =>
        occurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string RowKey(AuditEvent auditEvent) =>
        string.Create(CultureInfo.InvariantCulture, $"{auditEvent.OccurredAt.UtcTicks:D19}_{auditEvent.Identity}");

    /// <summary>The identity part of a row key: what the event was stored under, whatever its columns say now.</summary>
    public static string IdentityOf(string rowKey) => rowKey[(rowKey.IndexOf('_', StringComparison.Ordinal) + 1)..];

    /// <summary>The table filter for every day partition that <c>[fromUtc, toUtc)</c> touches.</summary>
    public static string DayRangeFilter(DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {PartitionKey(fromUtc)} and PartitionKey le {PartitionKey(toUtc.AddTicks(-1))}");

    /// <summary>
    /// The table filter for exactly the instants <c>[fromUtc, toUtc)</c>: the day partitions they touch,
    /// and row keys by their leading UTC ticks, which sort as the instants do.
    /// </summary>
    public static string RangeFilter(DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey ge {PartitionKey(fromUtc)} and PartitionKey le {PartitionKey(toUtc.AddTicks(-1))} and RowKey ge {Ticks(fromUtc)} and RowKey lt {Ticks(toUtc)}");

    private static string Ticks(DateTimeOffset instant) => instant.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
