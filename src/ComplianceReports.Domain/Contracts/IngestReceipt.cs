namespace ComplianceReports.Domain.Contracts;

/// <summary>What the pipeline did with one producer batch: the numbers <c>compliance send --wait</c> reports.</summary>
/// <param name="Blob">The export the batch named, if it named one: a redelivery finding it gone is done only for that export.</param>
public sealed record IngestReceipt(string BatchId, int Stored, int Duplicates, int Quarantined, DateTimeOffset CompletedAt, string? Blob = null);
