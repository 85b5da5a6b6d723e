using System.Text;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>The golden month's evidence digest, recomputed here from the hand-written UTC times and the identities.</summary>
public class DigestingTheEventSet
{
    /// <summary>The documented rows of E1..E51, in store order, with the times as written in the table.</summary>
    private static string ExpectedRows()
    {
        var rows = new StringBuilder();
        foreach (var stored in InSet)
        {
            rows.Append(stored.UtcText).Append('\t').Append(stored.Event.Identity).Append('\n');
        }
        return rows.ToString();
    }

    [Fact]
    public void The_digest_is_the_sha256_of_the_rows_of_the_included_events_only()
    {
        Assert.Equal(51, InSet.Count);
        Assert.StartsWith("2026-09-30T21:00:00.0000000Z\t", ExpectedRows());
        Assert.EndsWith($"2026-10-31T21:59:59.9999999Z\t{Get("E51").Event.Identity}\n", ExpectedRows());

        Assert.Equal(Sha256Hex(ExpectedRows()), Aggregate.EventDigest);
    }

    [Fact]
    public void Events_left_out_of_the_set_would_change_the_digest()
    {
        var everything = string.Concat(Store.Select(stored => $"{stored.UtcText}\t{stored.Event.Identity}\n"));

        Assert.NotEqual(Sha256Hex(everything), Aggregate.EventDigest);
    }

    [Fact]
    public async Task Recomputing_from_the_store_gives_the_same_count_and_digest()
    {
        var (count, digest) = await EventSetDigest.OfAsync(Period, Cutoff, StreamAsync(), CancellationToken.None);

        Assert.Equal(51, count);
        Assert.Equal(Aggregate.EventDigest, digest);
    }

    [Fact]
    public async Task Recomputing_at_an_earlier_cutoff_leaves_out_the_event_stored_at_the_cutoff()
    {
        // E51 was stored exactly at the cutoff; every other event of the set two seconds after it happened.
        var (count, digest) = await EventSetDigest.OfAsync(Period, Cutoff.AddTicks(-1), StreamAsync(), CancellationToken.None);

        Assert.Equal(50, count);
        Assert.Equal(Sha256Hex(string.Concat(InSet.Where(s => s.Label != "E51").Select(s => $"{s.UtcText}\t{s.Event.Identity}\n"))), digest);
    }

    [Fact]
    public void The_aggregators_digest_is_the_one_it_completes_with()
    {
        using var aggregator = new MonthlyAggregator(Period, Cutoff, Settings);
        foreach (var stored in Store)
        {
            aggregator.Add(stored.Event, stored.IngestedAt);
        }

        Assert.Equal(Sha256Hex(ExpectedRows()), aggregator.Digest);
        Assert.Equal(aggregator.Digest, aggregator.Complete(Previous, Quarantined).EventDigest);
    }
}
