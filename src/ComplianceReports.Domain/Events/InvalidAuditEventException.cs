namespace ComplianceReports.Domain.Events;

/// <summary>Input that is not a PrivX audit event; the message says why, in words a producer can act on.</summary>
public sealed class InvalidAuditEventException(string message, Exception? inner = null) : Exception(message, inner);
