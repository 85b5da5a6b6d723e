using System.Globalization;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>What an auditor must not miss: catalog findings with their counts, and the derived figures.</summary>
public class ReportingFindings
{
    private static string Show(Finding finding) =>
        $"{finding.Title} | {finding.Figure} | {finding.Count} | {string.Join(",", finding.Codes)}";

    private static readonly string[] Expected =
    [
        // Catalog findings with events, in catalog order: 12 (E29), 250 (E33), 1006 (E32), 1101 (E50).
        "Service-stopped (12) | 1 | 1 | 12",
        "RoleContext-usage-alert (250) | 1 | 1 | 250",
        "Trail-file-integrity-failed (1006) | 1 | 1 | 1006",
        "Config-checksum-changed (1101) | 1 | 1 | 1101",
        // 6 failed (102) of 15 + 6 = 21 attempts: 28.571…% rounds to 28.6%.
        "Failed-login rate | 28.6% (6 of 21 attempts) | 6 | 102",
        "Secrets and credentials accessed or changed | 8 | 8 | 230,260,261,262,1400,1401,1402,1403",
        "Configuration changes | 5 | 5 | 201,202,203,802,1101",
        "Events of codes not in the catalog | 2 | 2 | 1701,2301",
    ];

    [Fact]
    public void Every_catalog_finding_with_events_is_listed_with_its_count_then_the_derived_figures()
    {
        Assert.Equal(Expected, Aggregate.Findings.Select(Show));
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    [InlineData("")]
    public void Figures_do_not_depend_on_the_culture_the_report_runs_in(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(Expected, AggregateWith(Settings).Findings.Select(Show));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_month_without_findings_still_states_the_derived_figures()
    {
        var quiet = Sets.Aggregate(Period, [], Settings);

        Assert.Equal(
            [
                "Failed-login rate | 0.0% (0 of 0 attempts) | 0 | 102",
                "Secrets and credentials accessed or changed | 0 | 0 | ",
                "Configuration changes | 0 | 0 | ",
                "Events of codes not in the catalog | 0 | 0 | ",
            ],
            quiet.Findings.Select(Show));
    }
}
