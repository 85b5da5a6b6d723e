namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfOpensWithACover
{
    private readonly IReadOnlyList<string> cover = Rendered.Golden.Pages[0].Lines;

    [Fact]
    public void The_cover_names_the_report_the_month_the_organisation_and_the_instance()
    {
        Assert.Equal(["PrivX compliance report", "October 2026", "Northwind Payments Oy", "PrivX instance: privx-prod"], cover.Take(4));
    }

    [Fact]
    public void A_report_over_all_instances_says_so()
    {
        Assert.Contains("PrivX instance: all instances", Rendered.Empty.Pages[0].Lines);
    }

    [Fact]
    public void The_reporting_period_is_shown_in_the_reports_time_zone()
    {
        Assert.Contains("Reporting period 1 October 2026 00:00 – 1 November 2026 00:00 UTC", cover);
    }

    [Fact]
    public void A_utc_report_does_not_repeat_the_period_in_utc()
    {
        Assert.DoesNotContain(cover, line => line.StartsWith("Same period in UTC", StringComparison.Ordinal));
    }

    [Fact]
    public void The_generation_time_is_shown_in_utc()
    {
        Assert.Contains("Generated 2026-11-01 02:15:30 UTC", cover);
    }

    [Fact]
    public void The_evidence_digest_is_one_word_on_one_line()
    {
        Assert.Contains(Rendered.Golden.Pages[0].Words, word => word.Text == SampleReports.Digest);
    }

    [Fact]
    public void A_first_version_says_nothing_about_changes()
    {
        Assert.DoesNotContain(Rendered.Empty.Pages[0].Lines, line => line.StartsWith("Changes since", StringComparison.Ordinal));
    }

    [Fact]
    public void A_category_that_gained_no_events_is_left_out_of_the_change()
    {
        Assert.DoesNotContain(cover, line => line.StartsWith("Service and system", StringComparison.Ordinal));
    }

    [Fact]
    public void The_contents_list_every_section_with_the_page_it_starts_on()
    {
        var pdf = Rendered.Golden;
        var contents = pdf.Pages[0].BodyLines.SkipWhile(line => line != "Contents").Skip(1).ToList();

        Assert.Equal(11, contents.Count);
        Assert.All(contents, entry =>
        {
            var title = entry[..entry.LastIndexOf(' ')];
            var page = int.Parse(entry[(entry.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(title, pdf.Pages[page - 1].BodyLines);
        });
    }

    [Fact]
    public void The_sections_follow_in_the_order_of_the_brief()
    {
        var titles = Rendered.Golden.Pages[0].BodyLines.SkipWhile(line => line != "Contents").Skip(1).Select(entry => entry[..entry.LastIndexOf(' ')]);

        Assert.Equal(
            [
                "1 Executive summary", "2 Coverage", "3 Logins and authentication", "4 Secrets and credentials", "5 Configuration changes",
                "6 Other categories", "7 Unknown events", "8 Control mapping", "Appendix A Key events", "Appendix B Events by code",
                "Appendix C How to verify this report",
            ],
            titles);
    }

    [Fact]
    public void Every_section_is_bookmarked_at_its_page()
    {
        var pdf = Rendered.Golden;
        var contents = pdf.Pages[0].BodyLines.SkipWhile(line => line != "Contents").Skip(1)
            .Select(entry => (entry[..entry.LastIndexOf(' ')], int.Parse(entry[(entry.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(contents, pdf.Bookmarks);
    }

    [Fact]
    public void The_cover_has_no_running_head_and_the_next_page_starts_the_summary()
    {
        Assert.Equal("1 Executive summary", Rendered.Golden.Pages[1].BodyLines[0]);
    }
}
