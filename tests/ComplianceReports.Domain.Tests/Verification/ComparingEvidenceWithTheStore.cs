using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Verification;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The online check walks version 1's evidence beside the store and names each event that is missing, changed or not covered.</summary>
public class ComparingEvidenceWithTheStore
{
    private static Task<StoreComparisonResult> CompareAsync(IEnumerable<Stored> store) =>
        StoreComparison.CompareAsync(
            Period,
            Sets.Async(Rows),
            Sets.Async(store.Select(stored => new StoredEvent(stored.Event, stored.Event.Identity))),
            CancellationToken.None);

    private static IEnumerable<Stored> StoreWith(string label, Func<AuditEvent, AuditEvent> change) =>
        Read.Select(stored => stored.Label == label ? stored with { Event = change(stored.Event) } : stored);

    private static string Named(string label) => $"{Get(label).UtcText} {Get(label).Event.Identity}";

    [Fact]
    public async Task An_unchanged_store_matches_every_listed_event()
    {
        var result = await CompareAsync(Read);

        Assert.Equal(51, result.Matched);
        Assert.Empty(result.Problems);
        Assert.Empty(result.NotCovered);
    }

    [Fact]
    public async Task A_missing_event_is_named()
    {
        var result = await CompareAsync(Read.Where(stored => stored.Label != "E19"));

        Assert.Equal($"{Named("E19")}: missing from the event store", Assert.Single(result.Problems).ToString());
        Assert.Equal(50, result.Matched);
    }

    [Fact]
    public async Task A_changed_user_is_named_with_the_field_that_differs()
    {
        var result = await CompareAsync(StoreWith("E7", e => e with { Facts = e.Facts with { User = "alice" } }));

        Assert.Equal($"{Named("E7")}: user: 'mallory' in the version, 'alice' in the store", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_changed_category_is_named_with_the_field_that_differs()
    {
        var result = await CompareAsync(StoreWith("E27", e => e with { Facts = e.Facts with { Category = "configuration" } }));

        Assert.Equal($"{Named("E27")}: category: 'secrets' in the version, 'configuration' in the store", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_changed_raw_item_is_named()
    {
        var result = await CompareAsync(StoreWith("E19", e => e with { RawJson = e.RawJson.Replace("db01.example.com", "db02.example.com", StringComparison.Ordinal) }));

        Assert.Equal($"{Named("E19")}: the raw item was changed", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_raw_item_written_differently_with_the_same_content_is_told_apart_from_a_change()
    {
        var result = await CompareAsync(StoreWith("E19", e => e with { RawJson = PrivXItems.Json(e.RawJson).GetRawText().Replace("\n", "\r\n", StringComparison.Ordinal) }));

        Assert.Equal($"{Named("E19")}: the raw item is written differently (same content)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task Events_stored_after_the_version_are_reported_as_not_covered_not_as_mismatches()
    {
        // X3 and X4 arrived after version 1 read the store; X1 and X2 are outside the period and not mentioned.
        var result = await CompareAsync(Store);

        Assert.Empty(result.Problems);
        Assert.Equal(51, result.Matched);
        Assert.Equal(
            [$"{Named("X3")}: in the store, not in this version", $"{Named("X4")}: in the store, not in this version"],
            result.NotCovered.Select(problem => problem.ToString()));
    }
}
