using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfMarksWhatNeedsAttention
{
    private readonly RenderedPdf pdf = Rendered.Golden;

    [Fact]
    public void A_finding_above_zero_is_set_in_bold_with_its_figure_in_red()
    {
        var title = Word(pdf, "Auditevent-removed");
        var figure = pdf.PageWith("Auditevent-removed (1302) 1").Words.Single(word => word.Text == "1" && Baseline(word) == Baseline(title));

        Assert.Contains("Bold", title.Letters[0].FontName ?? string.Empty, StringComparison.Ordinal);
        Assert.True(IsRed(figure.Letters[0]), $"The figure of a finding above zero is drawn in {figure.Letters[0].Color}.");
    }

    [Fact]
    public void A_finding_above_zero_carries_a_red_mark_beside_it()
    {
        var title = Word(pdf, "Auditevent-removed");
        var page = pdf.PageWith("Auditevent-removed (1302) 1");

        Assert.Contains(page.Paths, path => path.IsFilled && IsRed(path) && path.GetBoundingRectangle() is { } box
            && box.Right <= title.BoundingBox.Left && box.Bottom <= Baseline(title) && box.Top >= Baseline(title));
    }

    [Fact]
    public void A_finding_at_zero_is_plain()
    {
        var empty = Rendered.Empty;
        var title = Word(empty, "Configuration");
        var row = empty.PageWith("Configuration changes 0");

        Assert.DoesNotContain("Bold", title.Letters[0].FontName ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Letters, IsRed);
    }

    [Fact]
    public void Each_category_shows_which_way_it_moved_since_the_previous_month()
    {
        Assert.Contains("Logins and authentication 48,213 41,977 ▲ higher", pdf.Lines);
        Assert.Contains("Secrets and credentials 1,362 1,408 ▼ lower", pdf.Lines);
        Assert.Contains("Configuration changes 287 287 unchanged", pdf.Lines);
    }

    [Fact]
    public void Unknown_codes_are_flagged_for_review()
    {
        var page = pdf.PageWith("1601 41 needs review");

        Assert.Contains(page.Paths, path => path.IsFilled && IsRed(path));
    }

    [Fact]
    public void A_silent_service_is_set_in_red_as_a_possible_gap_in_forwarding()
    {
        var word = Word(pdf, "network-access-manager:");

        Assert.True(IsRed(word.Letters[0]));
    }

    private static Word Word(RenderedPdf pdf, string text) =>
        pdf.Pages.SelectMany(page => page.Words).First(word => word.Text == text);

    private static double Baseline(Word word) => RenderedPage.Baseline(word);

    /// <summary>The alert colour: far more red than green or blue.</summary>
    private static bool IsRed(Letter letter) => IsRed(letter.Color.ToRGBValues());

    private static bool IsRed(PdfPath path) => path.FillColor is { } color && IsRed(color.ToRGBValues());

    private static bool IsRed((double R, double G, double B) color) => color.R > 0.5 && color.G < 0.3 && color.B < 0.3;
}
