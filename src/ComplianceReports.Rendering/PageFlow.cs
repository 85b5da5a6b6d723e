using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ComplianceReports.Rendering;

/// <summary>
/// A vertical cursor over as many A4 pages as the content needs: blocks ask for room before they
/// draw, and a page break opens a new page with the running head, so nothing crosses the bottom margin.
/// </summary>
internal sealed class PageFlow(PdfDocument document, Action<PageFlow> composeRunningHead) : IDisposable
{
    private XGraphics? graphics;

    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page has been started.");

    public PdfPage Page => document.Pages[document.PageCount - 1];

    /// <summary>The top of the free space on the current page.</summary>
    public double Y { get; private set; }

    public void StartFirstPage() => StartPage();

    /// <summary>Ends the current page whatever room it has left, as after the cover.</summary>
    public void BreakPage()
    {
        StartPage();
        composeRunningHead(this);
    }

    /// <summary>
    /// Makes sure <paramref name="height"/> fits above the bottom margin, breaking the page if not;
    /// <paramref name="continueBlock"/> then redraws whatever the block repeats on a new page, such as a table heading.
    /// A block taller than <see cref="ReportLayout.BodyHeight"/> must split itself first: a fresh page cannot hold it either.
    /// </summary>
    public void Reserve(double height, Action? continueBlock = null)
    {
        if (Y + height <= ReportLayout.ContentBottom)
        {
            return;
        }
        BreakPage();
        continueBlock?.Invoke();
    }

    public void Advance(double height) => Y += height;

    public void Dispose() => graphics?.Dispose();

    private void StartPage()
    {
        // A page's content stream is only complete once its XGraphics is gone.
        graphics?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(ReportLayout.PageWidth);
        page.Height = XUnit.FromPoint(ReportLayout.PageHeight);
        graphics = XGraphics.FromPdfPage(page);
        Y = ReportLayout.MarginTop;
    }
}
