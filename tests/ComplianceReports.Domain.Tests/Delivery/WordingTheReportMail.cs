using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Delivery;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests.Delivery;

/// <summary>The report mail's subject and body come from the version's summary: findings are the events stored as findings, not the derived figures.</summary>
public class WordingTheReportMail
{
    [Fact]
    public void The_subject_names_month_version_and_the_finding_events_only()
    {
        var summary = Summary(
            new Finding("Trail-file-integrity-failed (1006)", "9", 9, [1006]),
            new Finding("Disk-full (1301)", "5", 5, [1301]),
            new Finding("Failed-login rate", "10.0% (3 of 30 attempts)", 3, [102]),
            new Finding("Configuration changes", "7", 7, [700]));

        Assert.Equal("PrivX compliance report 2026-10 (version 1): 14 findings", ReportMail.Subject(summary));
        Assert.Equal("PrivX compliance report 2026-10 (version 1): 1 finding", ReportMail.Subject(Summary(new Finding("Disk-full (1301)", "1", 1, [1301]))));
    }

    [Fact]
    public void The_body_gives_the_executive_summarys_figures_and_says_how_to_get_a_report_too_big_to_attach()
    {
        var summary = Summary(new Finding("Trail-file-integrity-failed (1006)", "9", 9, [1006]));

        var attached = ReportMail.Body(summary, "https://reports.example.com/api/reports/2026-10/versions/1", attached: true, 10);
        var tooBig = ReportMail.Body(summary, link: null, attached: false, 10);

        Assert.Contains("1,234 audit events.", attached, StringComparison.Ordinal);
        Assert.Contains("- Logins: 1,000 (previous month 900)", attached, StringComparison.Ordinal);
        Assert.Contains("- Trail-file-integrity-failed (1006): 9", attached, StringComparison.Ordinal);
        Assert.Contains("This version: https://reports.example.com/api/reports/2026-10/versions/1", attached, StringComparison.Ordinal);
        Assert.Contains("over 10 MB, so it is not attached: download it with compliance report download --month 2026-10 --version 1 --out DIR.", tooBig, StringComparison.Ordinal);
    }

    private static ReportSummary Summary(params Finding[] findings) => Sample with { Findings = findings };

    private static readonly ReportSummary Sample = new(
        ReportSummary.CurrentSchemaVersion, "2026-10", "UTC", 1, 1234, new Dictionary<string, long>(), new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero),
        new Dictionary<string, long>(), default, default, default, "digest", "Example Oy", null,
        [new CategoryCount("logins", "Logins", 1000, 900)], [],
        new Coverage(null, null, [], [], [], 0),
        null!, null!, null!, [], [], [], null!, null, [], [], "");
}
