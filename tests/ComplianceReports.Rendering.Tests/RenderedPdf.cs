using ComplianceReports.Domain.Reporting;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ComplianceReports.Rendering.Tests;

/// <summary>A rendered report read back with PdfPig, reduced to what a reader of the PDF would see.</summary>
internal sealed class RenderedPdf
{
    private RenderedPdf(byte[] bytes, DocumentInformation information, IReadOnlyList<RenderedPage> pages)
    {
        Bytes = bytes;
        Information = information;
        Pages = pages;
    }

    public byte[] Bytes { get; }

    public DocumentInformation Information { get; }

    public IReadOnlyList<RenderedPage> Pages { get; }

    /// <summary>The lines of all pages in reading order.</summary>
    public IEnumerable<string> Lines => Pages.SelectMany(page => page.Lines);

    public static RenderedPdf Of(MonthlyReport report) => Read(new ReportPdfRenderer().Render(report));

    public static RenderedPdf Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var pages = document.GetPages().Select(RenderedPage.From).ToList();
        return new RenderedPdf(bytes, document.Information, pages);
    }

    /// <summary>The table rows between the column heading and the total, over every page they run across.</summary>
    public IReadOnlyList<string> TableRows() =>
        Pages.SelectMany(page => page.Lines
                .SkipWhile(line => line != "Code Count")
                .Skip(1)
                .TakeWhile(line => !line.StartsWith("Total ", StringComparison.Ordinal) && !line.StartsWith("PrivX compliance report", StringComparison.Ordinal)))
            .ToList();
}

internal sealed record RenderedPage(int Number, double Width, double Height, IReadOnlyList<Word> Words, IReadOnlyList<string> FontNames)
{
    /// <summary>Words grouped by baseline, top to bottom, each line's words left to right and joined by one space.</summary>
    public IReadOnlyList<string> Lines => Words
        .GroupBy(word => Math.Round(word.Letters[0].StartBaseLine.Y, 1))
        .OrderByDescending(line => line.Key)
        .Select(line => string.Join(' ', line.OrderBy(word => word.BoundingBox.Left).Select(word => word.Text)))
        .ToList();

    /// <summary>The words on the lowest baseline of the page, which is where the footer sits.</summary>
    public IReadOnlyList<Word> FooterWords
    {
        get
        {
            var lowest = Words.Min(word => word.Letters[0].StartBaseLine.Y);
            return Words.Where(word => Math.Abs(word.Letters[0].StartBaseLine.Y - lowest) < 0.1).ToList();
        }
    }

    public static RenderedPage From(Page page) => new(
        page.Number,
        page.Width,
        page.Height,
        page.GetWords().ToList(),
        page.Letters.Select(letter => letter.FontName ?? string.Empty).Distinct().ToList());
}
