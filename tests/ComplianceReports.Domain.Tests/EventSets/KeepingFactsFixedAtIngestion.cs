using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>
/// Events stored under an older catalog keep the facts it decided: the report, its per-code tables and
/// its digest follow the stored facts, whatever today's catalog says about the same codes.
/// </summary>
public class KeepingFactsFixedAtIngestion
{
    private static readonly ReportPeriod October = new(new Month(2026, 10), TimeZoneInfo.Utc);

    private const string OldCatalog = "PrivX v23";

    /// <summary>A real item whose facts an older catalog decided differently from today's.</summary>
    private static AuditEvent StoredUnder(AuditEvent parsed, Func<EventFacts, EventFacts> olderCatalog) =>
        parsed with { Facts = olderCatalog(parsed.Facts) with { CatalogVersion = OldCatalog } };

    // Today 1701 is not in the catalog and 1402 is a secret access; the older catalog named 1701 and
    // filed it under secrets, filed 1402 under configuration, and made a 100 login a finding.
    private static readonly AuditEvent OldUnknown = StoredUnder(
        At(Utc(2026, 10, 3, 9), 1701, "old-1701", "bob"),
        facts => facts with { Name = "Secrets-manager-secret-read", Category = "secrets", Outcome = EventOutcome.Success, Controls = "PCI 10.2.1.1" });

    private static readonly AuditEvent OldSecretAccess = StoredUnder(
        At(Utc(2026, 10, 4, 9), 1402, "old-1402", "carol"),
        facts => facts with { Name = "Secret-read", Category = "configuration" });

    private static readonly AuditEvent OldLogin = StoredUnder(
        At(Utc(2026, 10, 5, 9), 100, "old-100", "dave"),
        facts => facts with { Finding = true });

    // The same codes stored under today's catalog.
    private static readonly AuditEvent NewSecretAccess = At(Utc(2026, 10, 20, 9), 1402, "new-1402", "erin");
    private static readonly AuditEvent NewUnknown = At(Utc(2026, 10, 21, 9), 1701, "new-1701", "erin");

    private static readonly AuditEvent[] Mixed = [OldUnknown, OldSecretAccess, OldLogin, NewSecretAccess, NewUnknown];

    private static MonthlyAggregate Report => Sets.Aggregate(October, Mixed);

    [Fact]
    public void The_test_events_are_stored_with_facts_todays_catalog_would_not_give_them()
    {
        Assert.Null(PrivXCatalog.Find(1701));
        Assert.Equal(CatalogCategories.Secrets, PrivXCatalog.CategoryOf(1402));
        Assert.False(PrivXCatalog.Find(100)!.Finding);
        Assert.NotEqual(EventFacts.FromCatalog(1402, user: "carol").Category, OldSecretAccess.Facts.Category);
    }

    [Fact]
    public void Counts_by_category_follow_the_category_each_event_was_stored_with()
    {
        var counts = Report.CountsByCategory;

        Assert.Equal(2, counts["secrets"]);         // OldUnknown, NewSecretAccess
        Assert.Equal(1, counts["configuration"]);   // OldSecretAccess
        Assert.Equal(1, counts["logins"]);          // OldLogin
        Assert.Equal(1, counts["uncategorized"]);   // NewUnknown
        Assert.Equal(new Dictionary<int, long> { [100] = 1, [1402] = 2, [1701] = 2 }, Report.CountsByCode);
    }

    [Fact]
    public void A_sections_per_code_table_adds_up_to_its_total_and_names_codes_as_stored()
    {
        var report = Report;

        Assert.Equal([new CodeCount(1402, "Secret-accessed", 1), new CodeCount(1701, "Secrets-manager-secret-read", 1)], report.Secrets.ByEvent);
        Assert.Equal(report.Secrets.Total, report.Secrets.ByEvent.Sum(code => code.Count));
        Assert.Equal([new CodeCount(1402, "Secret-read", 1)], report.Configuration.ByEvent);
        Assert.Equal(report.Configuration.Total, report.Configuration.ByEvent.Sum(code => code.Count));
        Assert.Equal([new CodeCount(1701, EventFacts.UnknownName, 1)], report.UnknownEvents);
        Assert.All(report.OtherCategories, section => Assert.Equal(section.Total, section.ByEvent.Sum(code => code.Count)));
        Assert.Equal(report.EventCount, report.Categories.Sum(category => category.Count));
    }

    [Fact]
    public void Findings_and_listed_events_follow_the_stored_finding_and_name()
    {
        var report = Report;

        var finding = Assert.Single(report.Findings, f => f.Codes.SequenceEqual([100]) && f.Title.StartsWith("User-logged-in", StringComparison.Ordinal));
        Assert.Equal(1, finding.Count);
        var listed = Assert.Single(report.KeyEvents.Events, e => e.Code == 100);
        Assert.True(listed.Finding);
        Assert.Equal("Secret-read", Assert.Single(report.Configuration.ChangeLog.Events).Name);
        Assert.Equal(new[] { OldCatalog, PrivXCatalog.Version }.Order(StringComparer.Ordinal), report.CatalogVersions);
    }

    [Fact]
    public void The_digest_covers_the_stored_facts_so_it_does_not_move_with_todays_catalog()
    {
        var stored = Report;
        var asTodaysCatalogWouldDecide = Sets.Aggregate(October, Mixed.Select(e => PrivXEventParser.ParseItem(Json(e.RawJson))));

        Assert.Equal(DigestScheme.Of(2026, 10, TimeZoneInfo.Utc, Mixed).Digest, stored.EventDigest);
        Assert.NotEqual(asTodaysCatalogWouldDecide.EventDigest, stored.EventDigest);
        Assert.Equal(Mixed.Select(e => e.Identity), Sets.Rows(October, Mixed).Select(row => row.Identity));
    }

    [Fact]
    public async Task An_old_month_read_back_from_its_evidence_gives_the_same_facts_figures_and_digest()
    {
        // What a later generation has: the stored facts, never the catalog's opinion of today.
        var rows = await Sets.ReadEvidenceAsync(await Sets.EvidenceFileAsync(Sets.Rows(October, Mixed)));
        var reread = rows.Select(row => new AuditEvent(row.OccurredAt, row.Code, row.Identity, row.Raw, row.Facts)).ToList();

        var again = Sets.Aggregate(October, reread);

        Assert.Equal(Mixed.Select(e => e.Facts), reread.Select(e => e.Facts));
        Assert.Equal(Report.EventDigest, again.EventDigest);
        Assert.Equal(Report.CountsByCategory, again.CountsByCategory);
        Assert.Equal(Report.Secrets.ByEvent, again.Secrets.ByEvent);
    }

    [Fact]
    public void An_event_stored_under_a_category_todays_catalog_lacks_keeps_its_own_row_so_the_categories_add_up()
    {
        var retired = StoredUnder(At(Utc(2026, 10, 6, 9), 4242, "retired", "frank"), facts => facts with { Name = "Legacy-audit-export", Category = "exports" });
        var report = Sets.Aggregate(October, Mixed.Append(retired).OrderBy(e => e.OccurredAt));

        Assert.Equal(new CategoryCount("exports", "exports", 1, 0), report.Categories[^1]);
        Assert.Equal(report.EventCount, report.Categories.Sum(category => category.Count));
        var summary = ReportSummary.From(new MonthlyReport(report, ReportSettings.Default, 1, Utc(2026, 11, 1), Utc(2026, 11, 1)));
        Assert.Equal(1, summary.CountsByCategory["exports"]);
        Assert.Equal(report.EventCount, summary.CountsByCategory.Values.Sum());
    }
}
