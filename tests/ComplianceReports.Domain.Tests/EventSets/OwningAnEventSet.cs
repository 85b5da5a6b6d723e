using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>The event set: it refuses a store that changed under it, files events in the report zone's days, and says what a new version adds.</summary>
public class OwningAnEventSet
{
    private static readonly ReportPeriod UtcOctober = new(new Month(2026, 10), TimeZoneInfo.Utc);

    [Fact]
    public void An_event_whose_raw_item_no_longer_gives_its_key_identity_is_refused()
    {
        var stored = At(Utc(2026, 10, 2, 8), 100, "tampered", "alice");
        var tampered = stored with { RawJson = stored.RawJson.Replace("alice", "bob", StringComparison.Ordinal) };
        using var set = new EventSet(UtcOctober, ReportSettings.Default);

        var error = Assert.Throws<EventSetIntegrityException>(() => set.Add(tampered, Utc(2026, 10, 2, 8), stored.Identity));

        Assert.Contains($"the stored event at 2026-10-02T08:00:00.0000000Z is keyed {stored.Identity} with identity {stored.Identity}", error.Message);
        Assert.Contains($"but its raw item gives {Domain.Events.EventIdentity.OfRaw(tampered.RawJson)}", error.Message);
    }

    [Fact]
    public void An_event_keyed_under_another_identity_is_refused()
    {
        var stored = At(Utc(2026, 10, 2, 8));
        using var set = new EventSet(UtcOctober, ReportSettings.Default);

        Assert.Throws<EventSetIntegrityException>(() => set.Add(stored, Utc(2026, 10, 2, 8), new string('0', 64)));
    }

    [Fact]
    public void An_event_whose_raw_text_is_no_longer_json_is_refused()
    {
        var stored = At(Utc(2026, 10, 2, 8));
        using var set = new EventSet(UtcOctober, ReportSettings.Default);

        var error = Assert.Throws<EventSetIntegrityException>(() => set.Add(stored with { RawJson = "{\"event_id\":" }, Utc(2026, 10, 2, 8), stored.Identity));
        Assert.Contains("holds raw text that is not JSON", error.Message);
    }

    [Fact]
    public void A_day_taken_from_its_sealed_rows_gives_the_digest_and_rollup_of_the_day_read_from_its_events()
    {
        AuditEvent[] events = [At(Utc(2026, 10, 2, 8), 100, "one", "alice"), At(Utc(2026, 10, 2, 9), 301, "two", "bob"), At(Utc(2026, 10, 2, 23, 59), 100, "three", "alice")];
        var date = new DateOnly(2026, 10, 2);
        using var read = new EventSet(UtcOctober, ReportSettings.Default);
        using var fromStore = read.Day(date);
        var rows = events.Select(auditEvent => fromStore.Add(auditEvent, Utc(2026, 11, 1), auditEvent.Identity)!).ToList();
        using var resealed = new EventSet(UtcOctober, ReportSettings.Default);
        using var fromSeal = resealed.Day(date);

        rows.ForEach(fromSeal.AddSealed);

        var (expected, actual) = (fromStore.Complete(), fromSeal.Complete());
        Assert.Equal((expected.Count, expected.Digest), (actual.Count, actual.Digest));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected.Rollup), System.Text.Json.JsonSerializer.Serialize(actual.Rollup));
    }

    [Fact]
    public void A_sealed_row_of_another_day_or_out_of_order_is_refused()
    {
        var first = At(Utc(2026, 10, 2, 8), 100, "one");
        using var set = new EventSet(UtcOctober, ReportSettings.Default);
        using var day = set.Day(new DateOnly(2026, 10, 2));
        var row = day.Add(first, Utc(2026, 11, 1), first.Identity)!;

        Assert.Throws<ArgumentException>(() => day.AddSealed(row with { Day = new DateOnly(2026, 10, 3) }));
        Assert.Throws<InvalidOperationException>(() => day.AddSealed(row));
    }

    [Fact]
    public void A_non_utc_zone_files_events_in_its_local_days()
    {
        var helsinki = new ReportPeriod(new Month(2026, 10), GoldenMonth.Helsinki);
        // 22:30 UTC on 2 Oct is 01:30 on 3 Oct in Helsinki (UTC+3); 21:00 UTC on 30 Sep is midnight on 1 Oct.
        AuditEvent[] events = [At(Utc(2026, 9, 30, 21), 100, "first"), At(Utc(2026, 10, 2, 22, 30), 100, "late")];

        var local = Sets.Rows(helsinki, events);
        var utc = Sets.Rows(UtcOctober, events);

        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 3)], local.Select(row => row.Day));
        Assert.Equal([new DateOnly(2026, 10, 2)], utc.Select(row => row.Day));
        var aggregate = Sets.Aggregate(helsinki, events);
        Assert.Equal(DigestScheme.Of(2026, 10, GoldenMonth.Helsinki, events).Digest, aggregate.EventDigest);
        Assert.Equal([1L, 0, 1], aggregate.Days.Take(3).Select(day => day.Count));
        Assert.Equal(Sha256Hex(DigestScheme.Line(events[1])), aggregate.Days[2].Digest);
        Assert.NotEqual(Sets.Aggregate(UtcOctober, events).EventDigest, aggregate.EventDigest);
    }

    [Fact]
    public void A_new_version_counts_what_it_adds_per_category()
    {
        var first = GoldenMonth.Aggregate;
        var latest = new PublishedSet("2026-10", 1, first.EventCount, first.EventDigest, "Europe/Helsinki", first.CountsByCategory, first.Coverage.ServicesSeen);
        // A later read finds X3 (a failed login) and X4 (a secret created) as well.
        var second = Sets.Aggregate(
            GoldenMonth.Period, GoldenMonth.Settings, GoldenMonth.Store.Select(stored => (stored.Event, stored.IngestedAt)), GoldenMonth.Previous, GoldenMonth.Quarantined);

        var change = EventSet.ChangeSince(latest, second);

        Assert.Equal((1, 51L, 2L), (change.PreviousVersion, change.PreviousEventCount, change.EventsAdded));
        Assert.Equal(new Dictionary<string, long> { ["logins"] = 1, ["secrets"] = 1 }, change.AddedByCategory);
    }

    [Fact]
    public void A_set_is_new_only_against_no_version_another_digest_or_another_zone()
    {
        var first = GoldenMonth.Aggregate;
        var latest = new PublishedSet("2026-10", 1, first.EventCount, first.EventDigest, "Europe/Helsinki", first.CountsByCategory, first.Coverage.ServicesSeen);

        using var same = GoldenMonth.SetWith(GoldenMonth.Settings);
        Assert.False(same.IsNewAgainst(latest));
        Assert.True(same.IsNewAgainst(null));
        Assert.True(same.IsNewAgainst(latest with { EventDigest = new string('0', 64) }));
        Assert.True(same.IsNewAgainst(latest with { TimeZone = "UTC" }));
    }
}
