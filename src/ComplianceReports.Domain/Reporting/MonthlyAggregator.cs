using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.Reporting;

/// <summary>One pass over a month's events, in store order, with memory that does not grow with the month.</summary>
public sealed class MonthlyAggregator(Month month) : IDisposable
{
    private readonly SortedDictionary<int, long> countsByCode = [];
    private readonly Dictionary<string, long> countsByCategory = CatalogCategories.All.ToDictionary(category => category.Id, _ => 0L);
    private readonly EventSetDigest digest = new();
    private long eventCount;

    public void Add(AuditEvent auditEvent)
    {
        if (!month.Contains(auditEvent.OccurredAt))
        {
            throw new ArgumentException($"An event of {auditEvent.OccurredAt:O} does not belong to {month}.", nameof(auditEvent));
        }
        digest.Add(auditEvent);
        countsByCode[auditEvent.Code] = countsByCode.GetValueOrDefault(auditEvent.Code) + 1;
        countsByCategory[auditEvent.Facts.Category] = countsByCategory.GetValueOrDefault(auditEvent.Facts.Category) + 1;
        eventCount++;
    }

    public MonthlyAggregate Complete() => new(month, eventCount, countsByCode, countsByCategory, digest.Complete());

    public static async Task<MonthlyAggregate> AggregateAsync(Month month, IAsyncEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        using var aggregator = new MonthlyAggregator(month);
        await foreach (var auditEvent in events.WithCancellation(cancellationToken))
        {
            aggregator.Add(auditEvent);
        }
        return aggregator.Complete();
    }

    public void Dispose() => digest.Dispose();
}
