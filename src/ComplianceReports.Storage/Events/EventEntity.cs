using Azure.Data.Tables;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Storage.Events;

/// <summary>The stored form of an event: never updated, never deleted.</summary>
internal static class EventEntity
{
    public const string OccurredAt = nameof(OccurredAt);
    public const string Code = nameof(Code);
    public const string Identity = nameof(Identity);
    public const string Raw = nameof(Raw);
    public const string RawBlob = nameof(RawBlob);
    public const string IngestedAt = nameof(IngestedAt);
    public const string Category = nameof(Category);
    public const string Outcome = nameof(Outcome);
    public const string User = nameof(User);
    public const string SourceAddress = nameof(SourceAddress);
    public const string Service = nameof(Service);
    public const string Instance = nameof(Instance);
    public const string Name = nameof(Name);
    public const string Finding = nameof(Finding);
    public const string Controls = nameof(Controls);
    public const string Object = nameof(Object);
    public const string Details = nameof(Details);
    public const string CatalogVersion = nameof(CatalogVersion);

    /// <summary>
    /// The row of an event, without its raw text: that goes in <see cref="Raw"/>, or in a blob named by
    /// <see cref="RawBlob"/> (<see cref="OverflowText"/>). Its <see cref="IngestedAt"/> is stamped when its transaction is sent.
    /// </summary>
    public static TableEntity From(AuditEvent auditEvent)
    {
        return new TableEntity(EventKeys.PartitionKey(auditEvent.OccurredAt), EventKeys.RowKey(auditEvent))
        {
            [OccurredAt] = auditEvent.OccurredAt,
            [Code] = auditEvent.Code,
            [Identity] = auditEvent.Identity,
            [Category] = auditEvent.Facts.Category,
            [Outcome] = auditEvent.Facts.Outcome?.ToString(),
            [User] = auditEvent.Facts.User,
            [SourceAddress] = auditEvent.Facts.SourceAddress,
            [Service] = auditEvent.Facts.Service,
            [Instance] = auditEvent.Facts.Instance,
            [Name] = auditEvent.Facts.Name,
            [Finding] = auditEvent.Facts.Finding,
            [Controls] = auditEvent.Facts.Controls,
            [Object] = auditEvent.Facts.Object,
            [Details] = auditEvent.Facts.Details,
            [CatalogVersion] = auditEvent.Facts.CatalogVersion,
        };
    }

    public static StoredAuditEvent ToStoredEvent(TableEntity entity, string raw) => new(
        new AuditEvent(
            entity.GetDateTimeOffset(OccurredAt)!.Value.ToUniversalTime(),
            entity.GetInt32(Code)!.Value,
            entity.GetString(Identity),
            raw,
            new EventFacts(
                entity.GetString(Name) ?? EventFacts.UnknownName,
                entity.GetString(Category),
                Enum.TryParse<EventOutcome>(entity.GetString(Outcome), out var outcome) ? outcome : null,
                entity.GetBoolean(Finding) ?? false,
                entity.GetString(Controls) ?? string.Empty,
                entity.GetString(Object),
                entity.GetString(Details),
                entity.GetString(User),
                entity.GetString(SourceAddress),
                entity.GetString(Service),
                entity.GetString(Instance),
                entity.GetString(CatalogVersion) ?? UnrecordedCatalog)),
        entity.GetDateTimeOffset(IngestedAt)!.Value.ToUniversalTime(),
        EventKeys.IdentityOf(entity.RowKey));

    /// <summary>What rows written before facts were fixed at ingestion say of their catalog: nothing.</summary>
    private const string UnrecordedCatalog = "unrecorded";

    /// <summary>
    /// A generous estimate of an entity's share of a transaction's payload: the SDK escapes quotes and
    /// non-ASCII text as <c>\uXXXX</c>, so a character may take six bytes on the wire, and each property
    /// carries its name and type annotation.
    /// </summary>
    public static long EstimatedSize(TableEntity entity) =>
        1024 + entity.Sum(property => 2L * property.Key.Length + 64 + (property.Value is string text ? 6L * text.Length : 16));
}
