namespace ComplianceReports.Storage.Events;

/// <param name="Stored">Events new to the store.</param>
/// <param name="Duplicates">Events the store already held (a redelivered message, a re-sent export), or repeated within the input.</param>
public sealed record AppendResult(int Stored, int Duplicates);
