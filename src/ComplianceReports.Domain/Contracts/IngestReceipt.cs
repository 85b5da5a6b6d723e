namespace ComplianceReports.Domain.Contracts;

/// <summary>What the pipeline did with one producer batch: the numbers <c>compliance send --wait</c> reports.</summary>
public sealed record IngestReceipt(string BatchId, int Stored, int Duplicates, int Quarantined, DateTimeOffset CompletedAt);
