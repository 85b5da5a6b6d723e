namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfExplainsAnEmptyMonth
{
    private readonly RenderedPdf pdf = Rendered.Empty;

    [Fact]
    public void The_summary_says_no_events_were_recorded()
    {
        Assert.Contains(pdf.BodyLines, line => line.StartsWith("No audit events were recorded in October 2026.", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_says_none_and_names_every_day_as_without_events()
    {
        Assert.Contains("First event none", pdf.Lines);
        Assert.Contains("Last event none", pdf.Lines);
        Assert.Contains("Days without events 1–31 October 2026", pdf.Lines);
        Assert.Contains("Services seen none", pdf.Lines);
        Assert.Contains("Quarantined items 0 items refused at ingestion this period (table Quarantine)", pdf.Lines);
    }

    [Fact]
    public void Empty_lists_get_one_line_instead_of_an_empty_table()
    {
        var lines = pdf.BodyLines;

        Assert.Contains("No failed logins. No failed logins.", lines);
        Assert.Contains("No logins and no failed logins on any day.", lines);
        Assert.Contains("No configuration changes on any day.", lines);
        Assert.Contains("No secret or credential events this month.", lines);
        Assert.Contains("No configuration changes this month.", lines);
        Assert.Contains("No key events this month.", lines);
        Assert.Contains(lines, line => line.StartsWith("None: every event's code was in the catalog when it was stored (no events).", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("Time User Event", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("Code Event Events", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_other_category_gets_one_line_saying_it_had_no_events()
    {
        var section = pdf.LinesAfter("6 Other categories", line => line == "7 Unknown events");

        Assert.Equal(6, section.Count(line => line == "No events this month."));
        Assert.DoesNotContain(section, line => line == "By type");
    }

    [Fact]
    public void Zero_findings_are_listed_plainly()
    {
        Assert.Contains("Failed-login rate 0.0 % (0 of 0 attempts)", pdf.Lines);
        Assert.DoesNotContain(pdf.Pages.SelectMany(page => page.Words), word => word.Text == "Failed-login" && (word.Letters[0].FontName ?? string.Empty).Contains("Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Controls_without_evidence_say_there_was_none()
    {
        Assert.Contains(pdf.Lines, line => line.StartsWith("No event of this kind this month.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_digest_and_the_zero_count_are_still_shown()
    {
        Assert.Contains("Events 0", pdf.Pages[0].Lines);
        Assert.Contains(pdf.Pages[0].Words, word => word.Text == SampleReports.Digest);
    }
}
