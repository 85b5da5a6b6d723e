using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static ComplianceReports.Rendering.ReportLayout;

namespace ComplianceReports.Rendering;

/// <summary>
/// The layout of the monthly report, one small method per part in the manner of QuestPDF's report
/// sample; it places the strings of <see cref="ReportContent"/> and decides nothing about them.
/// </summary>
internal sealed class ReportDocument(ReportContent content)
{
    private const string EventsByCodeHeading = "Events by code";

    private readonly ReportFonts fonts = new();

    public void Compose(PdfDocument document)
    {
        ComposeMetadata(document);
        using (var flow = new PageFlow(document, ComposeRunningHead))
        {
            flow.StartFirstPage();
            ComposeHeader(flow);
            ComposeSummary(flow);
            ComposeContent(flow);
        }
        // "of M" is only known once the content has claimed its pages.
        ComposeFooters(document);
    }

    private void ComposeMetadata(PdfDocument document)
    {
        var info = document.Info;
        info.Title = content.DocumentTitle;
        info.Subject = content.DocumentSubject;
        info.Author = ReportContent.Author;
        info.Creator = ReportContent.Author;
        info.CreationDate = content.CreationDateUtc;
        // The same file for the same report version, whenever it is drawn again.
        info.ModificationDate = content.CreationDateUtc;
    }

    private void ComposeHeader(PageFlow flow)
    {
        DrawLine(flow, content.Title, fonts.Title, InkBrush, TitleLineHeight);
        DrawLine(flow, $"{content.MonthName} ({content.MonthKey})", fonts.Subtitle, MutedBrush, SubtitleLineHeight);
        flow.Advance(RuleGap);
        flow.Graphics.DrawLine(HeaderRule, ContentLeft, flow.Y, ContentRight, flow.Y);
        flow.Advance(RuleGap + BlockSpacing / 2);
    }

    private void ComposeRunningHead(PageFlow flow)
    {
        var baseline = Baseline(flow.Y, RunningHeadHeight - RuleGap, fonts.RunningHead);
        flow.Graphics.DrawString(content.Title, fonts.RunningHeadBold, MutedBrush, ContentLeft, baseline, XStringFormats.BaseLineLeft);
        flow.Graphics.DrawString($"{content.MonthName} ({content.MonthKey})", fonts.RunningHead, MutedBrush, ContentRight, baseline, XStringFormats.BaseLineRight);
        var ruleY = flow.Y + RunningHeadHeight - RuleGap;
        flow.Graphics.DrawLine(HeaderRule, ContentLeft, ruleY, ContentRight, ruleY);
        flow.Advance(RunningHeadHeight + BlockSpacing / 2);
    }

    private void ComposeSummary(PageFlow flow)
    {
        ComposeSummaryLine(flow, "Reporting period", content.Period, fonts.Body);
        ComposeSummaryLine(flow, "Report version", content.Version, fonts.Body);
        ComposeSummaryLine(flow, "Generated", content.GeneratedAt, fonts.Body);
        ComposeSummaryLine(flow, "Total events", content.EventCount, fonts.BodyBold);
        ComposeSummaryLine(flow, "Evidence digest (SHA-256)", content.Digest, DigestFont(flow.Graphics));
        flow.Advance(BlockSpacing);
    }

    private void ComposeSummaryLine(PageFlow flow, string label, string value, XFont valueFont)
    {
        flow.Reserve(SummaryLineHeight);
        var baseline = Baseline(flow.Y, SummaryLineHeight, fonts.Body);
        flow.Graphics.DrawString(label, fonts.Body, MutedBrush, ContentLeft, baseline, XStringFormats.BaseLineLeft);
        flow.Graphics.DrawString(value, valueFont, InkBrush, ContentLeft + SummaryLabelWidth, baseline, XStringFormats.BaseLineLeft);
        flow.Advance(SummaryLineHeight);
    }

    /// <summary>Shrinks the digest to its column rather than breaking it, because a split hex string is easy to mis-copy.</summary>
    private XFont DigestFont(XGraphics graphics)
    {
        var preferred = ReportFonts.Font(DigestMaxFontSize, XFontStyleEx.Regular);
        var width = graphics.MeasureString(content.Digest, preferred).Width;
        var available = ContentWidth - SummaryLabelWidth;
        return width <= available ? preferred : ReportFonts.Font(DigestMaxFontSize * available / width, XFontStyleEx.Regular);
    }

    private void ComposeContent(PageFlow flow)
    {
        // A heading alone at the foot of a page reads as a mistake; keep it with its first rows.
        flow.Reserve(SectionLineHeight + 2 * TableRowHeight);
        DrawLine(flow, EventsByCodeHeading, fonts.Section, InkBrush, SectionLineHeight);
        flow.Advance(BlockSpacing / 3);
        if (content.CodeCounts.Count == 0)
        {
            DrawLine(flow, content.NoEventsSentence, fonts.Body, InkBrush, ParagraphLineHeight);
            return;
        }
        ComposeTable(flow);
    }

    private void ComposeTable(PageFlow flow)
    {
        void ContinueTable()
        {
            DrawLine(flow, $"{EventsByCodeHeading} (continued)", fonts.Section, InkBrush, SectionLineHeight);
            flow.Advance(BlockSpacing / 3);
            ComposeTableHeading(flow);
        }

        ComposeTableHeading(flow);
        var last = content.CodeCounts.Count - 1;
        for (var index = 0; index <= last; index++)
        {
            // The last row takes the total with it, so a page never holds a total without a row to add up.
            flow.Reserve(index == last ? 2 * TableRowHeight : TableRowHeight, ContinueTable);
            var row = content.CodeCounts[index];
            ComposeTableRow(flow, row.Code, row.Count, fonts.Body);
            // The total row draws its own, stronger rule.
            if (index < last)
            {
                flow.Graphics.DrawLine(RowRule, ContentLeft, flow.Y, ContentLeft + TableWidth, flow.Y);
            }
        }
        flow.Reserve(TableRowHeight, ContinueTable);
        flow.Graphics.DrawLine(TotalRule, ContentLeft, flow.Y, ContentLeft + TableWidth, flow.Y);
        ComposeTableRow(flow, "Total", content.EventCount, fonts.BodyBold);
    }

    private void ComposeTableHeading(PageFlow flow)
    {
        flow.Graphics.DrawRectangle(TableHeadingBrush, ContentLeft, flow.Y, TableWidth, TableRowHeight);
        ComposeTableRow(flow, "Code", "Count", fonts.BodyBold);
    }

    private static void ComposeTableRow(PageFlow flow, string code, string count, XFont font)
    {
        var baseline = Baseline(flow.Y, TableRowHeight, font);
        flow.Graphics.DrawString(code, font, InkBrush, ContentLeft + TableCellPadding, baseline, XStringFormats.BaseLineLeft);
        flow.Graphics.DrawString(count, font, InkBrush, ContentLeft + TableWidth - TableCellPadding, baseline, XStringFormats.BaseLineRight);
        flow.Advance(TableRowHeight);
    }

    private void ComposeFooters(PdfDocument document)
    {
        for (var index = 0; index < document.PageCount; index++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[index], XGraphicsPdfPageOptions.Append);
            ComposeFooter(graphics, index + 1, document.PageCount);
        }
    }

    private void ComposeFooter(XGraphics graphics, int pageNumber, int pageCount)
    {
        graphics.DrawLine(HeaderRule, ContentLeft, FooterRuleY, ContentRight, FooterRuleY);
        var identification = $"{content.Title} {content.MonthKey}, version {content.Version}";
        graphics.DrawString(identification, fonts.Footer, MutedBrush, ContentLeft, FooterBaselineY, XStringFormats.BaseLineLeft);
        graphics.DrawString($"Page {pageNumber} of {pageCount}", fonts.Footer, MutedBrush, ContentRight, FooterBaselineY, XStringFormats.BaseLineRight);
    }

    private static void DrawLine(PageFlow flow, string text, XFont font, XBrush brush, double lineHeight)
    {
        flow.Reserve(lineHeight);
        flow.Graphics.DrawString(text, font, brush, ContentLeft, Baseline(flow.Y, lineHeight, font), XStringFormats.BaseLineLeft);
        flow.Advance(lineHeight);
    }

    /// <summary>Centres the capitals vertically in a line box, which is what the eye reads as centred.</summary>
    private static double Baseline(double top, double height, XFont font)
    {
        var capHeight = font.Metrics.CapHeight * font.Size / font.Metrics.UnitsPerEm;
        return top + (height + capHeight) / 2;
    }
}
