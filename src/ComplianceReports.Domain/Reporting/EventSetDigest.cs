using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// SHA-256 over the rows <c>UTC time TAB identity LF</c> of an event set in ascending order, so an
/// auditor can recompute it from the store, or from the evidence file, with a few lines of script.
/// </summary>
public sealed class EventSetDigest : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private (DateTimeOffset Time, string Identity)? last;

    public void Add(AuditEvent auditEvent)
    {
        var row = (auditEvent.OccurredAt, auditEvent.Identity);
        // The store hands events out in key order; checking it here keeps the digest honest without holding the set.
        if (last is { } previous && Compare(previous, row) >= 0)
        {
            throw new InvalidOperationException("Events must reach the digest in ascending (time, identity) order, each once.");
        }
        last = row;
        hash.AppendData(Encoding.UTF8.GetBytes(Row(auditEvent.OccurredAt, auditEvent.Identity)));
    }

    public string Complete() => Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <summary>
    /// Recomputes a version's digest from the store: the period's events stored up to the cutoff, in
    /// store order. What an auditor's check and <c>compliance verify</c> run.
    /// </summary>
    public static async Task<(long Count, string Digest)> OfAsync(
        ReportPeriod period, DateTimeOffset cutoff, IAsyncEnumerable<(AuditEvent Event, DateTimeOffset IngestedAt)> events, CancellationToken cancellationToken)
    {
        using var digest = new EventSetDigest();
        long count = 0;
        await foreach (var (auditEvent, ingestedAt) in events.WithCancellation(cancellationToken))
        {
            if (period.Contains(auditEvent.OccurredAt) && ingestedAt <= cutoff)
            {
                digest.Add(auditEvent);
                count++;
            }
        }
        return (count, digest.Complete());
    }

    public static string Row(DateTimeOffset occurredAt, string identity) =>
        string.Create(CultureInfo.InvariantCulture, $"{occurredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}\t{identity}\n");

    public void Dispose() => hash.Dispose();

    private static int Compare((DateTimeOffset Time, string Identity) a, (DateTimeOffset Time, string Identity) b)
    {
        var byTime = a.Time.CompareTo(b.Time);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Identity, b.Identity);
    }
}
