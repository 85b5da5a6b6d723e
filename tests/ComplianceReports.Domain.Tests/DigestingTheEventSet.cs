using ComplianceReports.Domain.EventSets;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The golden month's digests, recomputed here from the documented scheme and the hand-written UTC times.</summary>
public class DigestingTheEventSet
{
    private static readonly (IReadOnlyList<DigestScheme.Day> Days, string Digest) Expected =
        DigestScheme.Of(2026, 10, Helsinki, InSet.Select(stored => stored.Event));

    [Fact]
    public void The_version_digest_is_the_sha256_of_one_line_per_local_day_of_the_period()
    {
        Assert.Equal(31, Expected.Days.Count);
        Assert.Equal(51, Expected.Days.Sum(day => day.Count));

        Assert.Equal(Expected.Digest, Aggregate.EventDigest);
        Assert.Equal(Expected.Days, Aggregate.Days.Select(day => new DigestScheme.Day(day.Date, day.Count, day.Digest)));
    }

    [Fact]
    public void Each_day_digest_covers_the_lines_of_the_events_of_that_local_day_as_written_by_hand()
    {
        // Thu 1 Oct local: E1 (21:00 UTC on 30 Sep) to E6.
        var first = string.Concat(new[] { "E1", "E2", "E3", "E4", "E5", "E6" }.Select(label => Get(label)).OrderBy(s => s.UtcText, StringComparer.Ordinal).ThenBy(s => s.Event.Identity, StringComparer.Ordinal)
            .Select(stored => $"{stored.UtcText}\t{stored.Event.Identity}\t{DigestScheme.FactsSha256(stored.Event.Code, stored.Event.Facts)}\n"));
        Assert.StartsWith("2026-09-30T21:00:00.0000000Z\t", first);
        Assert.Equal(PrivXItems.Sha256Hex(first), Aggregate.Days[0].Digest);
        Assert.Equal(6, Aggregate.Days[0].Count);

        // Sat 31 Oct: E51 alone, the last local instant of the month.
        var last = $"2026-10-31T21:59:59.9999999Z\t{Get("E51").Event.Identity}\t{DigestScheme.FactsSha256(100, Get("E51").Event.Facts)}\n";
        Assert.Equal(PrivXItems.Sha256Hex(last), Aggregate.Days[30].Digest);
    }

    [Fact]
    public void A_day_without_events_has_the_digest_of_no_bytes()
    {
        // 22 Oct: only X3, which arrived after version 1 read the store.
        var quiet = Aggregate.Days.Single(day => day.Date == new DateOnly(2026, 10, 22));

        Assert.Equal(new DayDigest(new DateOnly(2026, 10, 22), 0, DigestScheme.OfNoBytes), quiet);
        Assert.Equal("2026-10-22\t0\te3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n", quiet.Line);
    }

    [Fact]
    public void Events_that_arrived_after_the_read_would_change_the_digest()
    {
        var everything = DigestScheme.Of(2026, 10, Helsinki, Store.Select(stored => stored.Event));

        Assert.NotEqual(everything.Digest, Aggregate.EventDigest);
    }

    [Fact]
    public void Recomputing_from_the_evidence_rows_gives_the_same_count_and_digests()
    {
        using var digest = new EventSetDigest(Period);
        foreach (var row in Rows)
        {
            digest.Add(row);
        }

        var recomputed = digest.Complete();
        Assert.Equal(51, recomputed.Count);
        Assert.Equal(Aggregate.EventDigest, recomputed.Digest);
        Assert.Equal(Aggregate.Days, recomputed.Days);
    }

    [Fact]
    public void The_sets_digests_are_the_ones_its_aggregate_completes_with()
    {
        using var set = SetWith(Settings);

        var digests = set.Digests;

        Assert.Equal(Expected.Digest, digests.Digest);
        Assert.Equal(digests.Digest, set.Complete(Previous, Quarantined).EventDigest);
        Assert.Equal(Domain.EventSets.EventSetDigests.Compose(digests.Days), digests.Digest);
    }
}
