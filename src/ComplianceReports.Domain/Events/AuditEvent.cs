using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Events;

/// <summary>One PrivX audit event as the pipeline knows it.</summary>
/// <param name="OccurredAt">When PrivX says it happened, always in UTC: keys and months derive from it, never from arrival.</param>
/// <param name="Code">The catalog code (PrivX's <c>event_id</c>).</param>
/// <param name="Identity">SHA-256 of the item's canonical JSON, lower-case hex: PrivX gives events no unique id.</param>
/// <param name="RawJson">The item as received, kept as evidence.</param>
/// <param name="Facts">What reports need from the event, decided once, on ingestion.</param>
public sealed record AuditEvent(DateTimeOffset OccurredAt, int Code, string Identity, string RawJson, EventFacts Facts)
{
    /// <summary>An event known only by its code, time and identity: its facts come from today's catalog alone.</summary>
    public AuditEvent(DateTimeOffset occurredAt, int code, string identity, string rawJson)
        : this(occurredAt, code, identity, rawJson, EventFacts.FromCatalog(code))
    {
    }

    public DateTimeOffset OccurredAt { get; } = OccurredAt.Offset == TimeSpan.Zero
        ? OccurredAt
        : throw new ArgumentException("An audit event's time must be in UTC.", nameof(OccurredAt));
}

/// <summary>
/// Everything a report shows about an event, decided once when it is stored and stored beside the raw
/// item, with the catalog version that decided it: a report never reparses evidence and never asks the
/// catalog, so a later catalog changes only events stored after it.
/// </summary>
/// <param name="Name">The catalog's name for the code at ingestion; <see cref="UnknownName"/> for codes it lacks.</param>
/// <param name="Category">The catalog category id at ingestion; <c>uncategorized</c> for codes the catalog lacks.</param>
/// <param name="Outcome">The catalog's outcome for the code, <c>null</c> when the catalog does not know the code.</param>
/// <param name="Finding">Whether the catalog marked the code as a finding an auditor must not miss.</param>
/// <param name="Controls">The controls the event is evidence for, as the catalog names them, joined by <see cref="ControlSeparator"/>.</param>
/// <param name="Object">What the event acted on, where the item says: a secret, role, host or user.</param>
/// <param name="Details">What changed, where the item says, e.g. <c>modifications</c>, shortened to <see cref="EventDetails.MaxDetailsLength"/>.</param>
/// <param name="User">PrivX's <c>message.username</c>.</param>
/// <param name="SourceAddress">PrivX's <c>message.remoteAddress</c>: where the user connected from.</param>
/// <param name="Service">PrivX's <c>service_name</c>, else <c>message.SSH-PrivX-service</c>.</param>
/// <param name="Instance">PrivX's <c>message.instanceName</c>.</param>
/// <param name="CatalogVersion">The catalog that decided name, category, outcome, finding and controls, e.g. <c>PrivX v24</c>.</param>
public sealed record EventFacts(
    string Name,
    string Category,
    EventOutcome? Outcome,
    bool Finding,
    string Controls,
    string? Object,
    string? Details,
    string? User,
    string? SourceAddress,
    string? Service,
    string? Instance,
    string CatalogVersion)
{
    public const string UnknownName = "not in the catalog";
    public const string ControlSeparator = "; ";

    public IEnumerable<string> ControlIds => Controls.Split(ControlSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The facts today's catalog decides for a code, with what the item itself says.</summary>
    public static EventFacts FromCatalog(
        int code, string? user = null, string? sourceAddress = null, string? service = null, string? instance = null, string? target = null, string? details = null)
    {
        var entry = PrivXCatalog.Find(code);
        return new EventFacts(
            entry?.Name ?? UnknownName,
            entry?.Category.Id ?? CatalogCategories.Uncategorized.Id,
            entry?.Outcome,
            entry?.Finding ?? false,
            string.Join(ControlSeparator, entry?.EvidenceFor ?? []),
            NullIfEmpty(target),
            NullIfEmpty(details),
            NullIfEmpty(user),
            NullIfEmpty(sourceAddress),
            NullIfEmpty(service),
            NullIfEmpty(instance),
            PrivXCatalog.Version);
    }

    // An empty field and a missing one say the same, and the evidence file cannot tell them apart.
    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
