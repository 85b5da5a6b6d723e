using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Verification;

/// <summary>An event as the store holds it now, with the identity in its key.</summary>
public sealed record StoredEvent(AuditEvent Event, string KeyIdentity);

/// <summary>What the store holds against a version's evidence.</summary>
/// <param name="Problems">Listed events missing from the store or changed in it.</param>
/// <param name="NotCovered">The period's events in the store that the version does not list: they arrived later, or were put there.</param>
public sealed record StoreComparisonResult(long Matched, IReadOnlyList<EventProblem> Problems, IReadOnlyList<EventProblem> NotCovered);

/// <summary>
/// The online check: walks the version's evidence and the store side by side, both in set order, so
/// memory stays flat whatever the month holds. Every listed event must be in the store with the same
/// raw item (its identity re-derived), the same identity column and the same facts.
/// </summary>
public static class StoreComparison
{
    public static async Task<StoreComparisonResult> CompareAsync(
        ReportPeriod period, IAsyncEnumerable<EvidenceRow> evidence, IAsyncEnumerable<StoredEvent> store, CancellationToken cancellationToken)
    {
        var problems = new List<EventProblem>();
        var notCovered = new List<EventProblem>();
        long matched = 0;
        await using var listed = evidence.GetAsyncEnumerator(cancellationToken);
        await using var stored = store.Where(found => period.Contains(found.Event.OccurredAt)).GetAsyncEnumerator(cancellationToken);
        var hasListed = await listed.MoveNextAsync();
        var hasStored = await stored.MoveNextAsync();
        while (hasListed || hasStored)
        {
            var order = !hasStored ? -1
                : !hasListed ? 1
                : EvidenceRow.Compare(listed.Current.OccurredAt, listed.Current.Identity, stored.Current.Event.OccurredAt, stored.Current.KeyIdentity);
            if (order < 0)
            {
                problems.Add(new EventProblem(listed.Current.OccurredAt, listed.Current.Identity, "missing from the event store"));
                hasListed = await listed.MoveNextAsync();
            }
            else if (order > 0)
            {
                notCovered.Add(new EventProblem(stored.Current.Event.OccurredAt, stored.Current.KeyIdentity, "in the store, not in this version"));
                hasStored = await stored.MoveNextAsync();
            }
            else
            {
                if (Differences(listed.Current, stored.Current) is { Count: > 0 } what)
                {
                    problems.Add(new EventProblem(listed.Current.OccurredAt, listed.Current.Identity, string.Join("; ", what)));
                }
                else
                {
                    matched++;
                }
                hasListed = await listed.MoveNextAsync();
                hasStored = await stored.MoveNextAsync();
            }
        }
        return new StoreComparisonResult(matched, problems, notCovered);
    }

    private static List<string> Differences(EvidenceRow row, StoredEvent found)
    {
        var what = new List<string>();
        var stored = found.Event;
        if (stored.RawJson != row.Raw)
        {
            what.Add(EventIdentity.OfRaw(stored.RawJson) is { } identity && identity == row.Identity
                ? "the raw item is written differently (same content)"
                : "the raw item was changed");
        }
        if (stored.Identity != row.Identity)
        {
            what.Add($"the stored identity is {stored.Identity}");
        }
        if (stored.Code != row.Code)
        {
            what.Add($"code: {row.Code} in the version, {stored.Code} in the store");
        }
        var listedFacts = FactsHash.Values(row.Code, row.Facts);
        var storedFacts = FactsHash.Values(stored.Code, stored.Facts);
        for (var index = 1; index < FactsHash.Fields.Count; index++)
        {
            if (listedFacts[index] != storedFacts[index])
            {
                what.Add($"{FactsHash.Fields[index]}: {Shown(listedFacts[index])} in the version, {Shown(storedFacts[index])} in the store");
            }
        }
        return what;
    }

    private static string Shown(string? value) => value is null ? "(none)" : $"'{PrivXEventParser.Shorten(value)}'";
}
