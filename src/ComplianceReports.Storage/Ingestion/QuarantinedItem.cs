namespace ComplianceReports.Storage.Ingestion;

/// <summary>Input the pipeline refused, kept whole with the reason, so nothing is lost and a person can act on it.</summary>
/// <param name="Where">Where it stood in its message: "item 3 (line 12)", "line 5", "the message".</param>
/// <param name="Position">Its running number within the message, which makes redelivery idempotent.</param>
public sealed record QuarantinedItem(
    string MessageId,
    int Position,
    string? BatchId,
    string Where,
    string Reason,
    string OriginalText,
    DateTimeOffset QuarantinedAt);
