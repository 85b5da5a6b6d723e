using ComplianceReports.Domain.Events;

namespace ComplianceReports.Storage.Events;

/// <summary>An event as the store holds it: the event and when it was stored.</summary>
public sealed record StoredAuditEvent(AuditEvent Event, DateTimeOffset IngestedAt);
