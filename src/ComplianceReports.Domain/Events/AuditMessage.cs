namespace ComplianceReports.Domain.Events;

/// <summary>A queue message, read: its items, or the name of the export blob that holds them.</summary>
/// <param name="BatchId">The producer's batch id from an envelope, for its receipt; <c>null</c> for a bare message.</param>
/// <param name="BlobName">An export in the ingest container to stream instead of inline items.</param>
public sealed record AuditMessage(string? BatchId, string? BlobName, IReadOnlyList<ItemReading> Items)
{
    public IEnumerable<AuditEvent> Events => Items.OfType<ReadEvent>().Select(item => item.Event);

    public IEnumerable<RejectedItem> Rejected => Items.OfType<RejectedItem>();
}
