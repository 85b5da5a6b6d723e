using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>The digest scheme, composed by day: its rules, and the golden month's digests recomputed from them and the hand-written UTC times.</summary>
public class EventSetDigests
{
    private static readonly ReportPeriod October = new(new Month(2026, 10), TimeZoneInfo.Utc);

    private static EvidenceRow Row(AuditEvent auditEvent) => EvidenceRow.From(auditEvent, auditEvent.OccurredAt, October.LocalDay(auditEvent.OccurredAt));

    /// <summary>Two events at one instant, in set order (identity ordinal).</summary>
    private static (AuditEvent First, AuditEvent Second) Simultaneous(DateTimeOffset utc)
    {
        AuditEvent[] pair = [At(utc, 301, "x"), At(utc, 301, "y")];
        var ordered = pair.OrderBy(e => e.Identity, StringComparer.Ordinal).ToArray();
        return (ordered[0], ordered[1]);
    }

    [Fact]
    public void The_digest_of_no_events_is_over_every_day_each_with_the_digest_of_no_bytes()
    {
        using var digest = new EventSetDigest(October);

        var digests = digest.Complete();

        Assert.Equal(DigestScheme.OfNoBytes, Sha256Hex([]));
        Assert.Equal(31, digests.Days.Count);
        Assert.All(digests.Days, day => Assert.Equal((0L, DigestScheme.OfNoBytes), (day.Count, day.Digest)));
        Assert.Equal(DigestScheme.Of(2026, 10, TimeZoneInfo.Utc, []).Digest, digests.Digest);
    }

    [Fact]
    public void The_digest_is_the_sha256_of_the_documented_day_lines_over_the_documented_digest_lines()
    {
        var first = At(new DateTimeOffset(2026, 10, 2, 8, 14, 3, 512, TimeSpan.Zero), 301, "first", "alice");
        var second = At(Utc(2026, 10, 3, 9).AddTicks(1_234_567), 302, "second", "bob");
        using var digest = new EventSetDigest(October);
        digest.Add(Row(first));
        digest.Add(Row(second));

        var digests = digest.Complete();

        var day2 = Sha256Hex($"2026-10-02T08:14:03.5120000Z\t{first.Identity}\t{DigestScheme.FactsSha256(301, first.Facts)}\n");
        var day3 = Sha256Hex($"2026-10-03T09:00:00.1234567Z\t{second.Identity}\t{DigestScheme.FactsSha256(302, second.Facts)}\n");
        var lines = string.Concat(Enumerable.Range(1, 31).Select(day => day switch
        {
            2 => $"2026-10-02\t1\t{day2}\n",
            3 => $"2026-10-03\t1\t{day3}\n",
            _ => $"2026-10-{day:D2}\t0\t{DigestScheme.OfNoBytes}\n",
        }));
        Assert.Equal(Sha256Hex(lines), digests.Digest);
        Assert.Equal(day2, digests.Days[1].Digest);
    }

    [Fact]
    public void The_digest_of_parsed_events_can_be_recomputed_from_the_scheme()
    {
        var alice = Single(Alice);
        var bob = Single(Bob);
        using var digest = new EventSetDigest(October);
        digest.Add(Row(alice));
        digest.Add(Row(bob));

        Assert.Equal(DigestScheme.Of(2026, 10, TimeZoneInfo.Utc, [alice, bob]).Digest, digest.Complete().Digest);
    }

    [Fact]
    public void A_digest_line_is_the_utc_time_with_seven_fraction_digits_the_identity_and_the_facts_hash()
    {
        var auditEvent = At(new DateTimeOffset(2026, 10, 2, 8, 14, 3, 512, TimeSpan.Zero));

        Assert.Equal(
            $"2026-10-02T08:14:03.5120000Z\t{auditEvent.Identity}\t{DigestScheme.FactsSha256(301, auditEvent.Facts)}\n",
            Row(auditEvent).DigestLine);
    }

    [Fact]
    public void A_facts_hash_escapes_backslash_tab_and_line_breaks_so_fields_cannot_run_together()
    {
        var facts = EventFacts.FromCatalog(802, user: "a\tb", details: "line1\r\nline2 \\ end");

        Assert.Equal(DigestScheme.FactsSha256(802, facts), FactsHash.Of(802, facts));
        Assert.NotEqual(FactsHash.Of(802, facts), FactsHash.Of(802, facts with { User = "a", Details = "b\tline1\r\nline2 \\ end" }));
    }

    [Fact]
    public void A_day_line_is_the_date_the_count_and_the_day_digest()
    {
        Assert.Equal($"2026-10-09\t12\t{DigestScheme.OfNoBytes}\n", new DayDigest(new DateOnly(2026, 10, 9), 12, DigestScheme.OfNoBytes).Line);
    }

    [Fact]
    public void Events_at_the_same_time_are_ordered_by_identity()
    {
        var (first, second) = Simultaneous(Utc(2026, 10, 2));
        using var digest = new EventSetDigest(October);
        digest.Add(Row(first));
        digest.Add(Row(second));

        Assert.Equal(Sha256Hex(DigestScheme.Line(first) + DigestScheme.Line(second)), digest.Complete().Days[1].Digest);
    }

    [Fact]
    public void An_earlier_event_after_a_later_one_is_refused()
    {
        using var digest = new EventSetDigest(October);
        digest.Add(Row(At(Utc(2026, 10, 3))));

        Assert.Throws<InvalidOperationException>(() => digest.Add(Row(At(Utc(2026, 10, 2)))));
    }

    [Fact]
    public void A_smaller_identity_at_the_same_time_is_refused()
    {
        var (first, second) = Simultaneous(Utc(2026, 10, 2));
        using var digest = new EventSetDigest(October);
        digest.Add(Row(second));

        Assert.Throws<InvalidOperationException>(() => digest.Add(Row(first)));
    }

    [Fact]
    public void The_same_event_twice_is_refused()
    {
        var auditEvent = At(Utc(2026, 10, 2));
        using var digest = new EventSetDigest(October);
        digest.Add(Row(auditEvent));

        var error = Assert.Throws<InvalidOperationException>(() => digest.Add(Row(auditEvent)));
        Assert.Contains("each once", error.Message);
    }

    [Fact]
    public void An_event_outside_the_period_is_refused()
    {
        using var digest = new EventSetDigest(October);

        Assert.Throws<ArgumentException>(() => digest.Add(Row(At(Utc(2026, 11, 1)))));
    }

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
