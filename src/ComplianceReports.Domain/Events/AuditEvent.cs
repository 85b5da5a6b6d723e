namespace ComplianceReports.Domain.Events;

/// <summary>One PrivX audit event as the pipeline knows it.</summary>
/// <param name="OccurredAt">When PrivX says it happened, always in UTC: keys and months derive from it, never from arrival.</param>
/// <param name="Code">The catalog code (PrivX's <c>event_id</c>).</param>
/// <param name="Identity">SHA-256 of the item's canonical JSON, lower-case hex: PrivX gives events no unique id.</param>
/// <param name="RawJson">The item as received, kept as evidence.</param>
public sealed record AuditEvent(DateTimeOffset OccurredAt, int Code, string Identity, string RawJson)
{
    public DateTimeOffset OccurredAt { get; } = OccurredAt.Offset == TimeSpan.Zero
        ? OccurredAt
        : throw new ArgumentException("An audit event's time must be in UTC.", nameof(OccurredAt));
}
