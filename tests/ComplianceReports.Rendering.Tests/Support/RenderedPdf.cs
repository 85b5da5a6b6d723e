using ComplianceReports.Domain.Reporting;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace ComplianceReports.Rendering.Tests;

/// <summary>A rendered report read back with PdfPig, reduced to what a reader of the PDF would see.</summary>
internal sealed class RenderedPdf
{
    private RenderedPdf(byte[] bytes, DocumentInformation information, IReadOnlyList<RenderedPage> pages, IReadOnlyList<(string Title, int Page)> bookmarks)
    {
        Bytes = bytes;
        Information = information;
        Pages = pages;
        Bookmarks = bookmarks;
    }

    public byte[] Bytes { get; }

    public DocumentInformation Information { get; }

    public IReadOnlyList<RenderedPage> Pages { get; }

    /// <summary>The outline a PDF reader shows beside the pages: each entry's title and the page it opens.</summary>
    public IReadOnlyList<(string Title, int Page)> Bookmarks { get; }

    /// <summary>The lines of all pages in reading order.</summary>
    public IEnumerable<string> Lines => Pages.SelectMany(page => page.Lines);

    /// <summary>All text as one string, lines joined by spaces, for phrases that may wrap.</summary>
    public string Text => string.Join(' ', Lines);

    /// <summary>The lines between the running head and the footer, page after page.</summary>
    public IReadOnlyList<string> BodyLines => [.. Pages.SelectMany(page => page.BodyLines)];

    public static RenderedPdf Of(MonthlyReport report) => Read(new ReportPdfRenderer().Render(report));

    public static RenderedPdf Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var pages = document.GetPages().Select(RenderedPage.From).ToList();
        var bookmarks = document.TryGetBookmarks(out var outline, false)
            ? outline.GetNodes().OfType<DocumentBookmarkNode>().Select(node => (node.Title, node.PageNumber)).ToList()
            : [];
        return new RenderedPdf(bytes, document.Information, pages, bookmarks);
    }

    /// <summary>A custom entry of the Info dictionary, as a verifier reads it: no text parsing.</summary>
    public string? Info(string key) =>
        Information.DocumentInformationDictionary is { } dictionary && dictionary.TryGet(NameToken.Create(key), out var token) && token is StringToken text ? text.Data : null;

    /// <summary>The line containing <paramref name="fragment"/>, failing with the text searched when there is none.</summary>
    public string LineWith(string fragment) =>
        Lines.FirstOrDefault(line => line.Contains(fragment, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line contains '{fragment}'. The PDF reads:\n{string.Join('\n', Lines)}");

    /// <summary>The body lines after <paramref name="heading"/> up to the next line that <paramref name="isEnd"/>, across pages.</summary>
    public IReadOnlyList<string> LinesAfter(string heading, Func<string, bool> isEnd) =>
        BodyLines.SkipWhile(line => line != heading).Skip(1).TakeWhile(line => !isEnd(line)).ToList();

    public RenderedPage PageWith(string line) =>
        Pages.FirstOrDefault(page => page.Lines.Contains(line)) ?? throw new Xunit.Sdk.XunitException($"No page has the line '{line}'.");
}

internal sealed record RenderedPage(int Number, double Width, double Height, IReadOnlyList<Word> Words, IReadOnlyList<Letter> Letters, IReadOnlyList<PdfPath> Paths)
{
    /// <summary>Words grouped by baseline, top to bottom, each line's words left to right and joined by one space.</summary>
    public IReadOnlyList<string> Lines => [.. WordLines(Words)];

    /// <summary>The words on the lowest baseline of the page, which is where the footer sits.</summary>
    public IReadOnlyList<Word> FooterWords => [.. Words.Where(word => Math.Abs(Baseline(word) - Words.Min(Baseline)) < 0.1)];

    /// <summary>Every page but the cover opens with the running head: title, organisation and month on one line.</summary>
    public IReadOnlyList<Word> RunningHeadWords =>
        Number == 1 ? [] : [.. Words.Where(word => Math.Abs(Baseline(word) - Words.Max(Baseline)) < 0.1)];

    public IReadOnlyList<Word> BodyWords => [.. Words.Except(FooterWords).Except(RunningHeadWords)];

    public IReadOnlyList<string> BodyLines => [.. WordLines(BodyWords)];

    public static RenderedPage From(Page page) => new(
        page.Number,
        page.Width,
        page.Height,
        page.GetWords().ToList(),
        page.Letters.ToList(),
        page.Paths.ToList());

    public static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    private static IEnumerable<string> WordLines(IEnumerable<Word> words) => words
        .GroupBy(word => Math.Round(Baseline(word), 1))
        .OrderByDescending(line => line.Key)
        .Select(line => string.Join(' ', line.OrderBy(word => word.BoundingBox.Left).Select(word => word.Text)));
}

/// <summary>Each sample rendered once for all tests: rendering and reading back are the slow part.</summary>
internal static class Rendered
{
    private static readonly Lazy<RenderedPdf> golden = new(() => RenderedPdf.Of(SampleReports.Golden()));
    private static readonly Lazy<RenderedPdf> helsinki = new(() => RenderedPdf.Of(SampleReports.Golden(SampleReports.Helsinki)));
    private static readonly Lazy<RenderedPdf> empty = new(() => RenderedPdf.Of(SampleReports.Empty()));
    private static readonly Lazy<RenderedPdf> huge = new(() => RenderedPdf.Of(SampleReports.Huge()));

    public static RenderedPdf Golden => golden.Value;

    public static RenderedPdf Helsinki => helsinki.Value;

    public static RenderedPdf Empty => empty.Value;

    public static RenderedPdf Huge => huge.Value;
}
