using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfMarksWhatNeedsAttention
{
    private readonly RenderedPdf pdf = Rendered.Golden;

    [Fact]
    public void AFindingAboveZeroIsSetInBoldWithItsFigureInRed()
    {
        var title = Word(pdf, "Auditevent-removed");
        var figure = pdf.PageWith("Auditevent-removed (1302) 1").Words.Single(word => word.Text == "1" && Baseline(word) == Baseline(title));

        Assert.Contains("Bold", title.Letters[0].FontName ?? string.Empty, StringComparison.Ordinal);
        Assert.True(IsRed(figure.Letters[0]), $"The figure of a finding above zero is drawn in {figure.Letters[0].Color}.");
    }

    [Fact]
    public void AFindingAboveZeroCarriesARedMarkBesideIt()
    {
        var title = Word(pdf, "Auditevent-removed");
        var page = pdf.PageWith("Auditevent-removed (1302) 1");

        Assert.Contains(page.Paths, path => path.IsFilled && IsRed(path) && path.GetBoundingRectangle() is { } box
            && box.Right <= title.BoundingBox.Left && box.Bottom <= Baseline(title) && box.Top >= Baseline(title));
    }

    [Fact]
    public void AFindingAtZeroIsPlain()
    {
        var empty = Rendered.Empty;
        var title = Word(empty, "Configuration");
        var row = empty.PageWith("Configuration changes 0");

        Assert.DoesNotContain("Bold", title.Letters[0].FontName ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Letters, IsRed);
    }

    [Fact]
    public void EachCategoryShowsWhichWayItMovedSinceThePreviousMonth()
    {
        Assert.Contains("Logins and authentication 48,213 41,977 ▲ higher", pdf.Lines);
        Assert.Contains("Secrets and credentials 1,362 1,408 ▼ lower", pdf.Lines);
        Assert.Contains("Configuration changes 287 287 unchanged", pdf.Lines);
    }

    [Fact]
    public void UnknownCodesAreFlaggedForReview()
    {
        var page = pdf.PageWith("1601 41 needs review");

        Assert.Contains(page.Paths, path => path.IsFilled && IsRed(path));
    }

    [Fact]
    public void ASilentServiceIsSetInRedAsAPossibleGapInForwarding()
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
