using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Verification;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The offline check holds the golden month's evidence file to its signed claim, and names what was tampered with.</summary>
public class CheckingEvidenceOffline
{
    private static readonly ReportClaim Claim = ReportClaim.For(
        new MonthlyReport(Aggregate, Settings, 1, new DateTimeOffset(2026, 11, 1, 2, 30, 0, TimeSpan.Zero), ReadAt),
        new string('e', 64),
        new string('5', 64));

    /// <summary>Writes the rows as an evidence file and checks what is read back from it, as <c>verify --offline</c> does.</summary>
    private static async Task<EvidenceCheckResult> CheckAsync(IEnumerable<EvidenceRow> rows, ReportClaim? claim = null)
    {
        var file = await Sets.EvidenceFileAsync(rows);
        return await EvidenceCheck.CheckAsync(claim ?? Claim, EvidenceCsv.ReadAsync(new MemoryStream(file), CancellationToken.None), CancellationToken.None);
    }

    private static List<EvidenceRow> RowsWith(string label, Func<EvidenceRow, EvidenceRow> change) =>
        [.. Rows.Select(row => row.Identity == Get(label).Event.Identity ? change(row) : row)];

    private static string Named(string label) => $"{Get(label).UtcText} {Get(label).Event.Identity}";

    [Fact]
    public async Task The_evidence_as_published_matches_its_claim()
    {
        var result = await CheckAsync(Rows);

        Assert.True(result.Matches);
        Assert.Equal(Claim.EventDigest, result.Digests.Digest);
        Assert.Equal(51, result.Digests.Count);
        Assert.Equal(Claim.Days, result.Digests.Days);
    }

    [Fact]
    public async Task A_changed_raw_item_is_named_by_its_time_and_identity()
    {
        var result = await CheckAsync(RowsWith("E19", row => row with { Raw = row.Raw.Replace("db01.example.com", "db02.example.com", StringComparison.Ordinal) }));

        Assert.False(result.Matches);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith($"{Named("E19")}: its raw item gives identity ", problem.ToString());
        Assert.Matches("^[0-9a-f]{64}$", problem.Identity);
        Assert.NotEmpty(result.ClaimMismatches);
    }

    [Fact]
    public async Task A_changed_fact_is_named_by_its_time_and_identity()
    {
        var result = await CheckAsync(RowsWith("E7", row => row with { Facts = row.Facts with { User = "alice" } }));

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith($"{Named("E7")}: its facts hash to ", problem.ToString());
        Assert.False(result.Matches);
    }

    [Fact]
    public async Task A_changed_fact_with_its_hash_recomputed_still_breaks_the_day_digest()
    {
        var result = await CheckAsync(RowsWith("E7", row =>
        {
            var facts = row.Facts with { Category = "access" };
            return row with { Facts = facts, FactsSha256 = FactsHash.Of(row.Code, facts) };
        }));

        Assert.Empty(result.Problems);
        Assert.Contains(result.ClaimMismatches, mismatch => mismatch.StartsWith("2026-10-02: the file gives 8 events, digest ", StringComparison.Ordinal));
        Assert.False(result.Matches);
    }

    [Fact]
    public async Task A_removed_row_is_caught_on_its_day()
    {
        var result = await CheckAsync(Rows.Where(row => row.Identity != Get("E27").Event.Identity));

        Assert.False(result.Matches);
        Assert.Equal(
            [
                $"2026-10-12: the file gives 2 events, digest {result.Digests.Days[11].Digest}; the signed claim says 3, digest {Claim.Days[11].Digest}",
                $"the file gives 50 events, digest {result.Digests.Digest}; the signed claim says 51, digest {Claim.EventDigest}",
            ],
            result.ClaimMismatches);
    }

    [Fact]
    public async Task An_added_row_is_caught_on_its_day()
    {
        var x3 = Get("X3");
        var added = EvidenceRow.From(x3.Event, x3.IngestedAt, Period.LocalDay(x3.Event.OccurredAt));

        var result = await CheckAsync([.. Rows.Append(added).OrderBy(row => row.OccurredAt).ThenBy(row => row.Identity, StringComparer.Ordinal)]);

        Assert.Empty(result.Problems);
        Assert.Contains(result.ClaimMismatches, mismatch => mismatch.StartsWith("2026-10-22: the file gives 1 events", StringComparison.Ordinal));
        Assert.False(result.Matches);
    }

    [Fact]
    public async Task A_reordered_row_is_named()
    {
        var rows = Rows.ToList();
        var e2 = rows.FindIndex(row => row.Identity == Get("E2").Event.Identity);
        (rows[e2], rows[e2 + 1]) = (rows[e2 + 1], rows[e2]);

        var result = await CheckAsync(rows);

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"{EvidenceRow.Utc(rows[e2 + 1].OccurredAt)} {rows[e2 + 1].Identity}: it is out of order or listed twice", problem.ToString());
        Assert.False(result.Matches);
    }

    [Fact]
    public async Task A_row_filed_under_the_wrong_day_is_named()
    {
        var result = await CheckAsync(RowsWith("E15", row => row with { Day = new DateOnly(2026, 10, 2) }));

        Assert.Equal($"{Named("E15")}: it is filed under 2026-10-02, but its time falls on 2026-10-03", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_claim_that_does_not_match_the_file_is_refused()
    {
        var forged = Claim with { EventDigest = new string('0', 64) };

        var result = await CheckAsync(Rows, forged);

        Assert.Empty(result.Problems);
        Assert.Equal([$"the file gives 51 events, digest {Claim.EventDigest}; the signed claim says 51, digest {forged.EventDigest}"], result.ClaimMismatches);
        Assert.False(result.Matches);
    }

    [Fact]
    public async Task A_claim_whose_days_do_not_compose_its_digest_is_refused()
    {
        var days = Claim.Days.ToList();
        days[3] = days[3] with { Count = 1 };

        var result = await CheckAsync(Rows, Claim with { Days = days });

        Assert.Contains(result.ClaimMismatches, mismatch => mismatch.StartsWith("2026-10-04: the file gives 0 events", StringComparison.Ordinal));
        Assert.False(result.Matches);
    }

    [Fact]
    public void The_claim_round_trips_through_its_json()
    {
        var read = ReportClaim.FromUtf8Json(Claim.ToUtf8Json());

        Assert.Equal((Claim.Month, Claim.TimeZone, Claim.Version, Claim.EventCount, Claim.EventDigest), (read.Month, read.TimeZone, read.Version, read.EventCount, read.EventDigest));
        Assert.Equal(Claim.Days, read.Days);
        Assert.Throws<FormatException>(() => ReportClaim.FromUtf8Json("{\"month\":\"2026-10\"}"u8));
    }
}
