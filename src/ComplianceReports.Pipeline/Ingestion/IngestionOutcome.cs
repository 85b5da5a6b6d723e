namespace ComplianceReports.Pipeline.Ingestion;

/// <summary>What one queue message brought: events new to the store, events it already had, items refused.</summary>
public sealed record IngestionOutcome(int Stored, int Duplicates, int Quarantined)
{
    public static readonly IngestionOutcome None = new(0, 0, 0);

    public static IngestionOutcome operator +(IngestionOutcome a, IngestionOutcome b) =>
        new(a.Stored + b.Stored, a.Duplicates + b.Duplicates, a.Quarantined + b.Quarantined);
}
