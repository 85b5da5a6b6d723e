namespace ComplianceReports.Rendering.Tests;

/// <summary>
/// Mostly the huge report (500 listed secret events, 500 changes with long details, 500 key events, 400
/// unknown codes); the rules every page keeps are checked on every sample.
/// </summary>
public sealed class ReportPdfPaginates
{
    private const double ContentLeft = 56;
    private const double ContentRight = 595.28 - 56;
    private const double MarginTop = 56;
    private const double BodyBottom = 72;

    /// <summary>Glyph boxes may overhang their advance a little; a word that leaves the margins does so by far more.</summary>
    private const double Tolerance = 1;

    private const double HeadingSize = 10;

    private static readonly string[] SectionTitles =
    [
        "1 Executive summary", "2 Coverage", "3 Logins and authentication", "4 Secrets and credentials", "5 Configuration changes",
        "6 Other categories", "7 Unknown events", "8 Control mapping", "Appendix A Key events", "Appendix B Events by code",
        "Appendix C How to verify this report",
    ];

    private static readonly string[] Frameworks = ["PCI DSS", "SOC 2", "ISO/IEC", "NIST", "HIPAA"];

    private readonly RenderedPdf huge = Rendered.Huge;

    [Fact]
    public void A_huge_report_runs_to_many_pages()
    {
        Assert.True(huge.Pages.Count >= 60, $"Expected at least 60 pages, got {huge.Pages.Count}.");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_page_is_a_4_portrait(string sample)
    {
        Assert.All(Sample(sample).Pages, page => Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))));
    }

    [Fact]
    public void Every_page_has_a_footer_with_its_number_and_the_page_count()
    {
        var count = huge.Pages.Count;

        Assert.All(huge.Pages, page =>
            Assert.Equal($"PrivX compliance report 2026-10, version 3 Page {page.Number} of {count}", page.Lines[^1]));
    }

    [Fact]
    public void Continuation_pages_open_with_title_organisation_and_month()
    {
        Assert.All(huge.Pages.Skip(1), page =>
        {
            Assert.StartsWith("PrivX compliance report · Northwind Payments Oy, Card Processing", page.Lines[0], StringComparison.Ordinal);
            Assert.EndsWith("… October 2026 (2026-10)", page.Lines[0], StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_page_has_body_text(string sample)
    {
        Assert.All(Sample(sample).Pages, page => Assert.True(page.BodyWords.Count > 0, $"Page {page.Number} holds only its running head and footer."));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_word_lies_outside_the_margins(string sample)
    {
        Assert.All(Sample(sample).Pages, page => Assert.All(page.Words, word =>
        {
            var box = word.BoundingBox;
            Assert.True(
                box.Left >= ContentLeft - Tolerance && box.Right <= ContentRight + Tolerance && box.Top <= page.Height - MarginTop + Tolerance,
                $"'{word.Text}' on page {page.Number} lies at {box}, outside the margins.");
        }));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_body_text_runs_into_the_footer(string sample)
    {
        Assert.All(Sample(sample).Pages, page => Assert.All(page.BodyWords, word => Assert.True(
            word.BoundingBox.Bottom >= BodyBottom - Tolerance,
            $"'{word.Text}' on page {page.Number} reaches down to {word.BoundingBox.Bottom:F1}pt, below the body's {BodyBottom}pt.")));
    }

    [Fact]
    public void A_long_table_repeats_its_caption_and_heading_row_on_every_page_it_continues_on()
    {
        var continued = huge.Pages.Where(page => page.BodyLines[0] == "Change log (continued)").ToList();

        Assert.True(continued.Count >= 10, $"The change log continued on {continued.Count} pages.");
        Assert.All(continued, page => Assert.Equal("Time User Event Object Details", page.BodyLines[1]));
    }

    [Fact]
    public void Every_listed_secret_event_is_shown_once_in_order()
    {
        var secrets = SampleReports.Huge().Aggregate.Secrets.Events.Events;
        var rows = huge.LinesAfter("Secret and credential events", line => line.StartsWith("862 more", StringComparison.Ordinal))
            .Where(line => line.Contains("Secret-accessed", StringComparison.Ordinal))
            .ToList();

        // A user name longer than its column continues on the row's next line.
        Assert.Equal(secrets.Count, rows.Count);
        Assert.All(secrets.Zip(rows), pair => Assert.StartsWith(pair.Second.Split(' ')[1], pair.First.User!, StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_taller_than_a_page_is_cut_with_an_ellipsis_and_the_next_row_follows()
    {
        var cut = huge.Pages.Single(page => page.Lines.Any(line => line.Contains("field100=value", StringComparison.Ordinal)));

        Assert.EndsWith("…", cut.BodyLines.Last(line => line.Contains("=value", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(huge.Lines, line => line.Contains("field2499=value", StringComparison.Ordinal));
        Assert.Contains(huge.Pages[cut.Number].BodyLines, line => line.Contains("db8.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void A_controls_events_carried_over_to_a_new_page_come_with_their_control()
    {
        var controls = huge.Pages.Where(page => page.BodyLines[0] == "Controls and their evidence (continued)").ToList();

        Assert.NotEmpty(controls);
        Assert.All(controls, page => Assert.Contains(Frameworks, framework => page.BodyLines[2].StartsWith(framework, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_heading_or_caption_ends_a_page(string sample)
    {
        // Headings and captions are the only text set at 10pt or larger; body and table text are smaller.
        Assert.All(Sample(sample).Pages.Skip(1), page =>
        {
            var lowest = page.BodyWords.Min(RenderedPage.Baseline);
            var lastLine = page.BodyWords.Where(word => Math.Abs(RenderedPage.Baseline(word) - lowest) < 0.1).ToList();
            Assert.True(
                lastLine.All(word => word.Letters[0].PointSize < HeadingSize),
                $"Page {page.Number} ends with the heading '{string.Join(' ', lastLine.Select(word => word.Text))}'.");
        });
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_section_heading_is_shown_once(string sample)
    {
        var lines = Sample(sample).BodyLines;

        Assert.All(SectionTitles, title => Assert.Single(lines, line => line == title));
    }

    [Fact]
    public void Every_unknown_code_is_listed_once_in_code_order()
    {
        var unknown = SampleReports.Huge().Aggregate.UnknownEvents;
        var rows = huge.LinesAfter("Events of unknown codes", line => line == "8 Control mapping")
            .Where(line => line.EndsWith("needs review", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(unknown.Select(code => $"{code.Code} {code.Count:N0} needs review"), rows);
    }

    [Fact]
    public void A_short_table_ending_at_a_page_break_keeps_its_total_with_its_last_row()
    {
        var total = huge.Pages.Single(page => page.BodyLines.Any(line => line.StartsWith("Total ", StringComparison.Ordinal)));
        var index = total.BodyLines.ToList().FindIndex(line => line.StartsWith("Total ", StringComparison.Ordinal));

        Assert.NotEqual("Code Event Events", total.BodyLines[index - 1]);
    }

    public static TheoryData<string> Samples => ["golden", "helsinki", "empty", "huge"];

    private static RenderedPdf Sample(string name) => name switch
    {
        "golden" => Rendered.Golden,
        "helsinki" => Rendered.Helsinki,
        "empty" => Rendered.Empty,
        _ => Rendered.Huge,
    };
}
