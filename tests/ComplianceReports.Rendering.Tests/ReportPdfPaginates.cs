using System.Globalization;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfPaginates
{
    /// <summary>Half an inch: nothing the report draws belongs closer to the paper's edge.</summary>
    private const double PaperEdge = 36;

    private readonly RenderedPdf many = RenderedPdf.Of(SampleReports.Many(400));

    [Fact]
    public void AShortReportFitsOnOnePage()
    {
        var pdf = RenderedPdf.Of(SampleReports.Few());

        var page = Assert.Single(pdf.Pages);
        Assert.EndsWith("Page 1 of 1", page.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ATableOf400CodesRunsOverSeveralPages()
    {
        Assert.True(many.Pages.Count >= 5, $"Expected at least 5 pages, got {many.Pages.Count}.");
    }

    [Fact]
    public void EveryRowOfALongTableIsShownOnceInCodeOrder()
    {
        var expected = Enumerable.Range(1, 400).Select(index => string.Create(CultureInfo.InvariantCulture, $"{index * 7} {index * 1_000L + 1:N0}"));

        Assert.Equal(expected, many.TableRows());
    }

    [Fact]
    public void EveryPageHasAFooterWithItsNumberAndThePageCount()
    {
        var count = many.Pages.Count;

        Assert.All(many.Pages, page =>
            Assert.Equal($"PrivX compliance report 2026-10, version 3 Page {page.Number} of {count}", page.Lines[^1]));
    }

    [Fact]
    public void TheTableHeadingRepeatsOnEveryContinuationPage()
    {
        Assert.All(many.Pages.Skip(1), page =>
        {
            Assert.Equal("Events by code (continued)", page.Lines[1]);
            Assert.Equal("Code Count", page.Lines[2]);
        });
    }

    [Fact]
    public void ContinuationPagesOpenWithTheReportTitleAndMonth()
    {
        Assert.All(many.Pages.Skip(1), page =>
            Assert.Equal("PrivX compliance report October 2026 (2026-10)", page.Lines[0]));
    }

    [Fact]
    public void EveryPageOfTheLongTableIsFilledBeforeTheNextBegins()
    {
        var linesPerFullPage = many.Pages.Skip(1).SkipLast(1).Select(page => page.Lines.Count).Distinct();

        Assert.Single(linesPerFullPage);
    }

    [Fact]
    public void TheTotalNeverStandsOnAPageWithoutACodeRowAboveIt()
    {
        // Enough table lengths that one of them ends exactly at a page's last row, wherever that falls.
        Assert.All(Enumerable.Range(20, 60), codes =>
        {
            var lastPage = RenderedPdf.Of(SampleReports.Many(codes)).Pages[^1].Lines;
            var total = lastPage.ToList().FindIndex(line => line.StartsWith("Total ", StringComparison.Ordinal) && !line.StartsWith("Total events", StringComparison.Ordinal));
            Assert.NotEqual("Code Count", lastPage[total - 1]);
        });
    }

    [Fact]
    public void NoTextRunsIntoTheFooter()
    {
        Assert.All(many.Pages, page =>
        {
            var footer = page.FooterWords;
            var footerTop = footer.Max(word => word.BoundingBox.Top);
            var body = page.Words.Except(footer);
            Assert.All(body, word => Assert.True(
                word.BoundingBox.Bottom > footerTop + 10,
                $"'{word.Text}' on page {page.Number} reaches down to {word.BoundingBox.Bottom:F1}pt, the footer up to {footerTop:F1}pt."));
        });
    }

    [Fact]
    public void NoTextLiesNearOrBeyondTheEdgeOfThePaper()
    {
        Assert.All(many.Pages, page => Assert.All(page.Words, word =>
        {
            var box = word.BoundingBox;
            Assert.True(
                box.Left >= PaperEdge && box.Right <= page.Width - PaperEdge && box.Bottom >= PaperEdge && box.Top <= page.Height - PaperEdge,
                $"'{word.Text}' on page {page.Number} lies at {box}, outside the printable area of {page.Width}x{page.Height}pt.");
        }));
    }
}
