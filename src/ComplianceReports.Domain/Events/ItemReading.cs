namespace ComplianceReports.Domain.Events;

/// <summary>What became of one item of a message or export, and where it stood in it.</summary>
/// <param name="Where">Where the item stands, for a person: "item 3 (line 12)", "line 5", "the message".</param>
public abstract record ItemReading(string Where);

public sealed record ReadEvent(string Where, AuditEvent Event) : ItemReading(Where);

/// <param name="OriginalText">The item exactly as it arrived, so nothing is lost by refusing it.</param>
public sealed record RejectedItem(string Where, string Reason, string OriginalText) : ItemReading(Where);
