using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Verification;

/// <summary>A listed event that is not as the version recorded it, by its UTC time and full identity, and what differs.</summary>
public sealed record EventProblem(DateTimeOffset OccurredAt, string Identity, string What)
{
    public override string ToString() => $"{EvidenceRow.Utc(OccurredAt)} {Identity}: {What}";
}

/// <summary>What the evidence file gave: its rows' day digests and version digest, and every row that is not self-consistent.</summary>
public sealed record EvidenceCheckResult(EventSetDigests Digests, IReadOnlyList<EventProblem> Problems, IReadOnlyList<string> ClaimMismatches)
{
    public bool Matches => Problems.Count == 0 && ClaimMismatches.Count == 0;
}

/// <summary>
/// The offline check: recomputes every row's identity from its raw item and its facts hash from its
/// facts, then the day digests and the version digest, and holds them to the signed claim. It needs
/// nothing but the evidence file and the claim: what an auditor with the files alone runs.
/// </summary>
public static class EvidenceCheck
{
    /// <summary>At most this many problems are listed one by one; the count says how many more.</summary>
    public const int MaxListed = 100;

    public static async Task<EvidenceCheckResult> CheckAsync(ReportClaim claim, IAsyncEnumerable<EvidenceRow> rows, CancellationToken cancellationToken)
    {
        var period = new ReportPeriod(Month.Parse(claim.Month), ReportPeriod.FindTimeZone(claim.TimeZone));
        var problems = new List<EventProblem>();
        using var digest = new EventSetDigest(period);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var what = new List<string>();
            if (!period.Contains(row.OccurredAt))
            {
                what.Add($"its time is outside {claim.Month} ({claim.TimeZone})");
            }
            else if (period.LocalDay(row.OccurredAt) != row.Day)
            {
                what.Add($"it is filed under {row.Day:yyyy-MM-dd}, but its time falls on {period.LocalDay(row.OccurredAt):yyyy-MM-dd}");
            }
            if (EventIdentity.OfRaw(row.Raw) is var identity && identity != row.Identity)
            {
                what.Add(identity is null ? "its raw item is not JSON" : $"its raw item gives identity {identity}");
            }
            if (FactsHash.Of(row.Code, row.Facts) is var facts && facts != row.FactsSha256)
            {
                what.Add($"its facts hash to {facts}, not {row.FactsSha256}");
            }
            if (what.Count > 0)
            {
                problems.Add(new EventProblem(row.OccurredAt, row.Identity, string.Join("; ", what)));
                continue;
            }
            try
            {
                digest.Add(row);
            }
            catch (InvalidOperationException)
            {
                problems.Add(new EventProblem(row.OccurredAt, row.Identity, "it is out of order or listed twice"));
            }
        }
        var digests = digest.Complete();
        return new EvidenceCheckResult(digests, problems, CompareWithClaim(claim, digests));
    }

    /// <summary>Each day whose count or digest differs from the claim, and the totals.</summary>
    private static List<string> CompareWithClaim(ReportClaim claim, EventSetDigests digests)
    {
        var mismatches = new List<string>();
        var claimed = claim.Days.ToDictionary(day => day.Date);
        foreach (var day in digests.Days)
        {
            if (!claimed.TryGetValue(day.Date, out var signed))
            {
                mismatches.Add($"{day.Date:yyyy-MM-dd}: not in the signed claim");
            }
            else if (signed != day)
            {
                mismatches.Add($"{day.Date:yyyy-MM-dd}: the file gives {day.Count} events, digest {day.Digest}; the signed claim says {signed.Count}, digest {signed.Digest}");
            }
        }
        if (digests.Count != claim.EventCount || digests.Digest != claim.EventDigest || EventSetDigests.Compose(claim.Days) != claim.EventDigest)
        {
            mismatches.Add($"the file gives {digests.Count} events, digest {digests.Digest}; the signed claim says {claim.EventCount}, digest {claim.EventDigest}");
        }
        return mismatches;
    }

    /// <summary>Keeps problems to a readable number while counting all of them.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<EventProblem> problems) =>
        problems.Take(MaxListed).Select(problem => problem.ToString())
            .Concat(problems.Count > MaxListed ? [$"… and {problems.Count - MaxListed} more"] : []);
}
