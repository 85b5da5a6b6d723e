using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Events;

/// <summary>One PrivX audit event as the pipeline knows it.</summary>
/// <param name="OccurredAt">When PrivX says it happened, always in UTC: keys and months derive from it, never from arrival.</param>
/// <param name="Code">The catalog code (PrivX's <c>event_id</c>).</param>
/// <param name="Identity">SHA-256 of the item's canonical JSON, lower-case hex: PrivX gives events no unique id.</param>
/// <param name="RawJson">The item as received, kept as evidence.</param>
/// <param name="Facts">What reports need from the event, taken from it once, on ingestion.</param>
public sealed record AuditEvent(DateTimeOffset OccurredAt, int Code, string Identity, string RawJson, EventFacts Facts)
{
    /// <summary>An event known only by its code, time and identity: its facts come from the catalog alone.</summary>
    public AuditEvent(DateTimeOffset occurredAt, int code, string identity, string rawJson)
        : this(occurredAt, code, identity, rawJson, EventFacts.FromCatalog(code))
    {
    }

    public DateTimeOffset OccurredAt { get; } = OccurredAt.Offset == TimeSpan.Zero
        ? OccurredAt
        : throw new ArgumentException("An audit event's time must be in UTC.", nameof(OccurredAt));
}

/// <summary>
/// The fields reports need, stored beside the raw event so that a report never reparses evidence and a
/// later catalog never changes what an old event counted as.
/// </summary>
/// <param name="Category">The catalog category id at ingestion; <c>uncategorized</c> for codes the catalog lacks.</param>
/// <param name="Outcome">The catalog's outcome for the code, <c>null</c> when the catalog does not know the code.</param>
/// <param name="User">PrivX's <c>message.username</c>.</param>
/// <param name="SourceAddress">PrivX's <c>message.remoteAddress</c>: where the user connected from.</param>
/// <param name="Service">PrivX's <c>service_name</c>, else <c>message.SSH-PrivX-service</c>.</param>
/// <param name="Instance">PrivX's <c>message.instanceName</c>.</param>
public sealed record EventFacts(string Category, EventOutcome? Outcome, string? User, string? SourceAddress, string? Service, string? Instance)
{
    public static EventFacts FromCatalog(int code, string? user = null, string? sourceAddress = null, string? service = null, string? instance = null)
    {
        var entry = PrivXCatalog.Find(code);
        return new EventFacts(entry?.Category.Id ?? CatalogCategories.Uncategorized.Id, entry?.Outcome, user, sourceAddress, service, instance);
    }
}
