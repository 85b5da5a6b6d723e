using System.Runtime.CompilerServices;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests;

/// <summary>Event sets as generation builds them: every event read goes through <see cref="EventSet.Add"/>, keyed by its identity.</summary>
internal static class Sets
{
    /// <summary>The aggregate of a set that read <paramref name="events"/>, each stored a minute after it happened.</summary>
    public static MonthlyAggregate Aggregate(ReportPeriod period, IEnumerable<AuditEvent> events, ReportSettings? settings = null) =>
        Aggregate(period, settings ?? ReportSettings.Default, events.Select(auditEvent => (auditEvent, auditEvent.OccurredAt.AddMinutes(1))), PeriodFigures.None, 0);

    public static MonthlyAggregate Aggregate(
        ReportPeriod period, ReportSettings settings, IEnumerable<(AuditEvent Event, DateTimeOffset IngestedAt)> read, PeriodFigures previous, long quarantined)
    {
        using var set = new EventSet(period, settings);
        foreach (var (auditEvent, ingestedAt) in read)
        {
            set.Add(auditEvent, ingestedAt, auditEvent.Identity);
        }
        return set.Complete(previous, quarantined);
    }

    /// <summary>The evidence rows a set gives for <paramref name="events"/>, each stored a minute after it happened.</summary>
    public static List<EvidenceRow> Rows(ReportPeriod period, IEnumerable<AuditEvent> events)
    {
        using var set = new EventSet(period, ReportSettings.Default);
        return [.. events.Select(auditEvent => set.Add(auditEvent, auditEvent.OccurredAt.AddMinutes(1), auditEvent.Identity)).OfType<EvidenceRow>()];
    }

    /// <summary>evidence.csv.gz as the domain writes it.</summary>
    public static async Task<byte[]> EvidenceFileAsync(IEnumerable<EvidenceRow> rows)
    {
        using var output = new MemoryStream();
        await using (var writer = EvidenceCsv.Open(output))
        {
            foreach (var row in rows)
            {
                await writer.AddAsync(row);
            }
        }
        return output.ToArray();
    }

    public static async Task<List<EvidenceRow>> ReadEvidenceAsync(byte[] file)
    {
        var rows = new List<EvidenceRow>();
        await foreach (var row in EvidenceCsv.ReadAsync(new MemoryStream(file), CancellationToken.None))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Items handed out one at a time, asynchronously, as the store and the evidence reader do.</summary>
    public static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }
}
