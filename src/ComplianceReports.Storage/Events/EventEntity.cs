using Azure.Data.Tables;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Storage.Events;

/// <summary>The stored form of an event: never updated, never deleted.</summary>
internal static class EventEntity
{
    public const string OccurredAt = nameof(OccurredAt);
    public const string Code = nameof(Code);
    public const string Identity = nameof(Identity);
    public const string Raw = nameof(Raw);
    public const string IngestedAt = nameof(IngestedAt);

    public static TableEntity From(AuditEvent auditEvent, DateTimeOffset ingestedAt) =>
        new(EventKeys.PartitionKey(auditEvent.OccurredAt), EventKeys.RowKey(auditEvent))
        {
            [OccurredAt] = auditEvent.OccurredAt,
            [Code] = auditEvent.Code,
            [Identity] = auditEvent.Identity,
            [Raw] = auditEvent.RawJson,
            [IngestedAt] = ingestedAt,
        };

    public static StoredAuditEvent ToStoredEvent(TableEntity entity) => new(
        new AuditEvent(
            entity.GetDateTimeOffset(OccurredAt)!.Value.ToUniversalTime(),
            entity.GetInt32(Code)!.Value,
            entity.GetString(Identity),
            entity.GetString(Raw)),
        entity.GetDateTimeOffset(IngestedAt)!.Value.ToUniversalTime());

    /// <summary>
    /// A generous estimate of an entity's share of a transaction's payload: the SDK escapes quotes and
    /// non-ASCII text as <c>\uXXXX</c>, so a character may take six bytes on the wire, and each property
    /// carries its name and type annotation.
    /// </summary>
    public static long EstimatedSize(TableEntity entity) =>
        1024 + entity.Sum(property => 2L * property.Key.Length + 64 + (property.Value is string text ? 6L * text.Length : 16));
}
