using ComplianceReports.Domain.Events;

namespace ComplianceReports.Storage.Events;

/// <summary>An event as the store holds it: the event, when it was stored, and the identity in its row key.</summary>
public sealed record StoredAuditEvent(AuditEvent Event, DateTimeOffset IngestedAt, string KeyIdentity);
