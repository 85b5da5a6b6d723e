using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static ComplianceReports.Rendering.ReportLayout;

namespace ComplianceReports.Rendering;

/// <summary>
/// The layout of the monthly report, one small method per section in the manner of QuestPDF's report
/// sample; it places the strings of <see cref="ReportContent"/> and decides nothing about them.
/// </summary>
internal sealed class ReportDocument
{
    /// <summary>Room a heading keeps for what follows it, so it never stands alone at a page's foot.</summary>
    private const double KeepWithHeading = 90;

    private const double FactLineHeight = 13;
    private const double FactSpacing = 4;
    private const double ContentsLineHeight = 16;

    private static readonly IReadOnlyList<ColumnShape> NamedCounts = [ColumnShape.Text(3), ColumnShape.Figure(1)];
    private static readonly IReadOnlyList<ColumnShape> CodeCounts = [ColumnShape.Text(3.2), ColumnShape.Figure(0.8), ColumnShape.Figure(1)];
    private static readonly IReadOnlyList<ColumnShape> ListedEvents =
        [ColumnShape.Text(1.45), ColumnShape.Text(1.3), ColumnShape.Text(1.9), ColumnShape.Text(2), ColumnShape.Text(1.35)];

    private readonly ReportContent content;
    private readonly ReportFonts fonts = new();
    private readonly TableComposer tables;
    private readonly DailyChartComposer charts;
    private readonly List<PdfPage> sectionPages = [];
    private readonly List<(PdfPage Page, double Baseline)> contentsEntries = [];

    public ReportDocument(ReportContent content)
    {
        this.content = content;
        tables = new TableComposer(fonts);
        charts = new DailyChartComposer(fonts);
    }

    public void Compose(PdfDocument document)
    {
        ComposeMetadata(document);
        using (var flow = new PageFlow(document, ComposeRunningHead))
        {
            flow.StartFirstPage();
            ComposeCover(flow);
            flow.BreakPage();
            ComposeExecutiveSummary(flow);
            ComposeCoverage(flow);
            ComposeLogins(flow);
            ComposeSecrets(flow);
            ComposeConfiguration(flow);
            ComposeOtherCategories(flow);
            ComposeUnknownEvents(flow);
            ComposeControlMapping(flow);
            ComposeAppendix(flow);
        }
        // Page numbers are only known once the content has claimed its pages.
        ComposeContentsPageNumbers(document);
        ComposeBookmarks(document);
        ComposeFooters(document);
    }

    private void ComposeMetadata(PdfDocument document)
    {
        var metadata = content.Metadata;
        var info = document.Info;
        info.Title = metadata.Title;
        info.Subject = metadata.Subject;
        info.Author = metadata.Author;
        info.Creator = metadata.Creator;
        info.CreationDate = metadata.CreationDateUtc;
        // The same file for the same report version, whenever it is drawn again.
        info.ModificationDate = metadata.CreationDateUtc;
        foreach (var (key, value) in metadata.Custom)
        {
            info.Elements.SetString("/" + key, value);
        }
    }

    private void ComposeCover(PageFlow flow)
    {
        var cover = content.Cover;
        var graphics = flow.Graphics;
        graphics.DrawRectangle(AccentBrush, ContentLeft, flow.Y, ContentWidth, CoverBandHeight);
        flow.Advance(CoverBandHeight + CoverTitleGap);
        DrawText(flow, cover.Title, fonts.CoverTitle, InkBrush, CoverTitleLineHeight);
        DrawText(flow, cover.MonthLine, fonts.CoverMonth, AccentBrush, CoverMonthLineHeight);
        flow.Advance(BlockSpacing);
        ComposeParagraph(flow, cover.Organisation, fonts.CoverOrganisation, InkBrush, CoverOrganisationLineHeight);
        ComposeParagraph(flow, cover.Instance, fonts.Body, MutedBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing * 2);
        ComposeFacts(flow, cover.Facts);
        flow.Advance(BlockSpacing);
        if (cover.Change is { } change)
        {
            ComposeCaption(flow, change.Caption, ParagraphLineHeight * 2);
            ComposeParagraph(flow, change.Sentence, fonts.Body, InkBrush, ParagraphLineHeight);
            flow.Advance(BlockSpacing / 2);
            tables.Compose(flow, change.AddedByCategory, NamedCounts, ContentWidth * 0.6);
        }
        ComposeContents(flow);
    }

    /// <summary>The titles now; their page numbers once the sections have been laid out.</summary>
    private void ComposeContents(PageFlow flow)
    {
        ComposeCaption(flow, content.Cover.ContentsCaption, ContentsLineHeight * 2);
        foreach (var title in content.SectionTitles)
        {
            flow.Reserve(ContentsLineHeight);
            var baseline = ReportFonts.Baseline(flow.Y, ContentsLineHeight, fonts.Body);
            flow.Graphics.DrawString(title, fonts.Body, InkBrush, ContentLeft, baseline, XStringFormats.BaseLineLeft);
            flow.Graphics.DrawLine(RowRule, ContentLeft, flow.Y + ContentsLineHeight, ContentRight, flow.Y + ContentsLineHeight);
            contentsEntries.Add((flow.Page, baseline));
            flow.Advance(ContentsLineHeight);
        }
    }

    private void ComposeExecutiveSummary(PageFlow flow)
    {
        var summary = content.Summary;
        ComposeSectionHeading(flow, summary.Title);
        ComposeParagraph(flow, summary.Intro, fonts.Body, InkBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing / 2);
        tables.Compose(flow, summary.Categories, [ColumnShape.Text(2.6), ColumnShape.Figure(1.2), ColumnShape.Figure(1.2), ColumnShape.Text(1)]);
        ComposeParagraph(flow, summary.FindingsIntro, fonts.Body, InkBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing / 2);
        tables.Compose(flow, summary.Findings, [ColumnShape.Text(3), ColumnShape.Figure(2)]);
    }

    private void ComposeCoverage(PageFlow flow)
    {
        var coverage = content.Coverage;
        ComposeSectionHeading(flow, coverage.Title, ParagraphHeight(flow.Graphics, coverage.Intro) + BlockSpacing / 2 + FactsHeight(flow.Graphics, coverage.Facts));
        ComposeParagraph(flow, coverage.Intro, fonts.Body, InkBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing / 2);
        ComposeFacts(flow, coverage.Facts);
        flow.Advance(BlockSpacing);
    }

    private void ComposeLogins(PageFlow flow)
    {
        var logins = content.Logins;
        ComposeSectionHeading(flow, logins.Title, FactsHeight(flow.Graphics, logins.Figures));
        ComposeFacts(flow, logins.Figures);
        flow.Advance(BlockSpacing);
        tables.ComposeSideBySide(flow, (logins.FailuresByUser, NamedCounts), (logins.FailuresBySource, NamedCounts));
        charts.Compose(flow, logins.Chart);
        tables.Compose(flow, logins.OffHoursByUser, NamedCounts, HalfWidth);
    }

    private void ComposeSecrets(PageFlow flow)
    {
        var secrets = content.Secrets;
        ComposeSectionHeading(flow, secrets.Title);
        ComposeFacts(flow, secrets.Figures);
        flow.Advance(BlockSpacing);
        tables.Compose(flow, secrets.ByEvent, CodeCounts, ContentWidth * 0.75);
        tables.ComposeSideBySide(flow, (secrets.ByUser, NamedCounts), (secrets.BySecret, NamedCounts));
        tables.Compose(flow, secrets.Events, ListedEvents);
        ComposeNotListed(flow, secrets.NotListed);
    }

    private void ComposeConfiguration(PageFlow flow)
    {
        var configuration = content.Configuration;
        ComposeSectionHeading(flow, configuration.Title);
        ComposeFacts(flow, configuration.Figures);
        flow.Advance(BlockSpacing);
        tables.ComposeSideBySide(flow, (configuration.ByEvent, CodeCounts), (configuration.ByUser, NamedCounts));
        charts.Compose(flow, configuration.Chart);
        tables.Compose(
            flow,
            configuration.ChangeLog,
            [ColumnShape.Text(1.45), ColumnShape.Text(1.1), ColumnShape.Text(1.75), ColumnShape.Text(1.65), ColumnShape.Text(3.25)]);
        ComposeNotListed(flow, configuration.NotListed);
    }

    private void ComposeOtherCategories(PageFlow flow)
    {
        var others = content.OtherCategories;
        ComposeSectionHeading(flow, others.Title);
        ComposeParagraph(flow, others.Intro, fonts.Body, InkBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing / 2);
        foreach (var category in others.Categories)
        {
            ComposeCategory(flow, category);
        }
    }

    private void ComposeCategory(PageFlow flow, CategoryContent category)
    {
        flow.Reserve(CaptionLineHeight + ParagraphLineHeight * 2 + (category.Empty is null ? KeepWithHeading : 0));
        var baseline = ReportFonts.Baseline(flow.Y, CaptionLineHeight, fonts.Caption);
        var totalWidth = flow.Graphics.MeasureString(category.Total, fonts.Caption).Width;
        var heading = TextFitting.Shorten(flow.Graphics, category.Heading, fonts.Caption, ContentWidth - totalWidth - ColumnGutter);
        flow.Graphics.DrawString(heading, fonts.Caption, AccentBrush, ContentLeft, baseline, XStringFormats.BaseLineLeft);
        flow.Graphics.DrawString(category.Total, fonts.Caption, AccentBrush, ContentRight, baseline, XStringFormats.BaseLineRight);
        flow.Graphics.DrawLine(RowRule, ContentLeft, flow.Y + CaptionLineHeight, ContentRight, flow.Y + CaptionLineHeight);
        flow.Advance(CaptionLineHeight + 2);
        if (category.Description is { } description)
        {
            ComposeParagraph(flow, description, fonts.Body, MutedBrush, ParagraphLineHeight);
        }
        if (category.Empty is { } empty)
        {
            ComposeParagraph(flow, empty, fonts.Body, InkBrush, ParagraphLineHeight);
            flow.Advance(BlockSpacing);
            return;
        }
        flow.Advance(BlockSpacing / 2);
        tables.ComposeSideBySide(flow, (category.ByEvent, CodeCounts), (category.TopUsers, NamedCounts));
    }

    private void ComposeUnknownEvents(PageFlow flow)
    {
        var unknown = content.UnknownEvents;
        ComposeSectionHeading(flow, unknown.Title);
        ComposeParagraph(flow, unknown.Intro, fonts.Body, InkBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing / 2);
        tables.Compose(flow, unknown.Codes, [ColumnShape.Text(1), ColumnShape.Figure(1), ColumnShape.Text(1.4)], ContentWidth * 0.6);
    }

    private void ComposeControlMapping(PageFlow flow)
    {
        var controls = content.Controls;
        ComposeSectionHeading(flow, controls.Title);
        ComposeParagraph(flow, controls.Intro, fonts.Body, InkBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing / 2);
        tables.Compose(flow, controls.Controls, [ColumnShape.Text(1.5), ColumnShape.Text(4), ColumnShape.Figure(0.9)]);
    }

    private void ComposeAppendix(PageFlow flow)
    {
        var appendix = content.Appendix;
        ComposeSectionHeading(flow, appendix.KeyEventsTitle);
        ComposeParagraph(flow, appendix.KeyEventsIntro, fonts.Body, InkBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing / 2);
        tables.Compose(flow, appendix.KeyEvents, [ColumnShape.Text(1.45), ColumnShape.Text(2.1), ColumnShape.Text(1.6), ColumnShape.Text(1.2), ColumnShape.Text(1.9)]);
        ComposeNotListed(flow, appendix.KeyEventsNotListed);

        ComposeSectionHeading(flow, appendix.EventsByCodeTitle);
        tables.Compose(flow, appendix.EventsByCode, [ColumnShape.Text(0.8), ColumnShape.Text(3.2), ColumnShape.Figure(1.2)], ContentWidth * 0.75);

        ComposeVerification(flow, appendix.Verification);
    }

    private void ComposeVerification(PageFlow flow, VerificationContent verification)
    {
        ComposeSectionHeading(flow, verification.Title);
        foreach (var paragraph in verification.Paragraphs)
        {
            ComposeParagraph(flow, paragraph, fonts.Body, InkBrush, ParagraphLineHeight);
            flow.Advance(BlockSpacing / 2);
        }
        flow.Advance(BlockSpacing / 2);
        ComposeFacts(flow, verification.Facts);
        flow.Advance(BlockSpacing);
        tables.Compose(flow, verification.Days, [ColumnShape.Text(1.0), ColumnShape.Figure(0.8), ColumnShape.Text(4.4)]);
    }

    private static double HalfWidth => (ContentWidth - ColumnGutter) / 2;

    /// <param name="keepWithNext">The height of the block that opens the section, when it should not be parted from its heading.</param>
    private void ComposeSectionHeading(PageFlow flow, string title, double keepWithNext = KeepWithHeading)
    {
        // Space above a heading, except at the top of a page where the running head already parts it from the edge.
        var gap = flow.Y > BodyTop ? BlockSpacing : 0;
        flow.Reserve(gap + SectionLineHeight + Math.Clamp(keepWithNext, KeepWithHeading, BodyHeight - SectionLineHeight));
        if (flow.Y > BodyTop)
        {
            flow.Advance(gap);
        }
        var baseline = ReportFonts.Baseline(flow.Y, SectionLineHeight - 6, fonts.Section);
        flow.Graphics.DrawString(TextFitting.Shorten(flow.Graphics, title, fonts.Section, ContentWidth), fonts.Section, AccentBrush, ContentLeft, baseline, XStringFormats.BaseLineLeft);
        flow.Graphics.DrawLine(AccentRule, ContentLeft, flow.Y + SectionLineHeight - 4, ContentRight, flow.Y + SectionLineHeight - 4);
        flow.Advance(SectionLineHeight + 4);
        sectionPages.Add(flow.Page);
    }

    private void ComposeCaption(PageFlow flow, string caption, double keepWithNext)
    {
        flow.Reserve(CaptionLineHeight + keepWithNext);
        DrawText(flow, caption, fonts.Caption, InkBrush, CaptionLineHeight);
    }

    private void ComposeNotListed(PageFlow flow, string? notListed)
    {
        if (notListed is null)
        {
            return;
        }
        ComposeParagraph(flow, notListed, fonts.Body, MutedBrush, ParagraphLineHeight);
        flow.Advance(BlockSpacing);
    }

    /// <summary>Labels in a column of their own, values wrapped beside them, line by line so a long value may continue on the next page.</summary>
    private void ComposeFacts(PageFlow flow, IReadOnlyList<Fact> facts)
    {
        var valueLeft = ContentLeft + FactLabelWidth;
        var laidOut = LayOutFacts(flow.Graphics, facts);
        // A list that fits a page reads as one block, so it moves to the next page whole rather than split.
        var height = FactsHeight(laidOut);
        if (height <= BodyHeight)
        {
            flow.Reserve(height);
        }
        foreach (var (fact, font, lines) in laidOut)
        {
            var brush = fact.Style == FactStyle.Alert ? AlertBrush : InkBrush;
            for (var index = 0; index < lines.Count; index++)
            {
                flow.Reserve(FactLineHeight + FactSpacing);
                var baseline = ReportFonts.Baseline(flow.Y, FactLineHeight, fonts.Body);
                if (index == 0)
                {
                    flow.Graphics.DrawString(TextFitting.Shorten(flow.Graphics, fact.Label, fonts.Body, FactLabelWidth - 8), fonts.Body, MutedBrush, ContentLeft, baseline, XStringFormats.BaseLineLeft);
                }
                flow.Graphics.DrawString(lines[index], font, brush, valueLeft, baseline, XStringFormats.BaseLineLeft);
                flow.Advance(FactLineHeight);
            }
            flow.Advance(FactSpacing);
        }
    }

    private List<(Fact Fact, XFont Font, List<string> Lines)> LayOutFacts(XGraphics graphics, IReadOnlyList<Fact> facts)
    {
        const double valueWidth = ContentWidth - FactLabelWidth;
        return facts.Select(fact =>
        {
            var font = fact.Style switch
            {
                FactStyle.Strong => fonts.BodyBold,
                FactStyle.Unbroken => UnbrokenFont(graphics, fact.Value, valueWidth),
                _ => fonts.Body,
            };
            var lines = fact.Style == FactStyle.Unbroken ? [fact.Value] : TextFitting.Wrap(graphics, fact.Value, font, valueWidth);
            return (fact, font, lines);
        }).ToList();
    }

    private double FactsHeight(XGraphics graphics, IReadOnlyList<Fact> facts) => FactsHeight(LayOutFacts(graphics, facts));

    private static double FactsHeight(List<(Fact Fact, XFont Font, List<string> Lines)> laidOut) =>
        laidOut.Sum(fact => fact.Lines.Count * FactLineHeight + FactSpacing);

    private double ParagraphHeight(XGraphics graphics, string text) =>
        TextFitting.Wrap(graphics, text, fonts.Body, ContentWidth).Count * ParagraphLineHeight;

    /// <summary>Shrinks a value such as the digest to its column rather than breaking it, because a split hex string is easy to mis-copy.</summary>
    private static XFont UnbrokenFont(XGraphics graphics, string value, double available)
    {
        var preferred = ReportFonts.Font(DigestMaxFontSize, XFontStyleEx.Regular);
        var width = graphics.MeasureString(value, preferred).Width;
        return width <= available ? preferred : ReportFonts.Font(DigestMaxFontSize * available / width, XFontStyleEx.Regular);
    }

    private static void ComposeParagraph(PageFlow flow, string text, XFont font, XBrush brush, double lineHeight)
    {
        foreach (var line in TextFitting.Wrap(flow.Graphics, text, font, ContentWidth))
        {
            DrawText(flow, line, font, brush, lineHeight);
        }
    }

    private void ComposeRunningHead(PageFlow flow)
    {
        var head = content.Head;
        var graphics = flow.Graphics;
        var baseline = ReportFonts.Baseline(flow.Y, RunningHeadHeight - RuleGap, fonts.RunningHead);
        var month = head.MonthLine;
        var monthWidth = graphics.MeasureString(month, fonts.RunningHead).Width;
        var title = head.Title + "  ·  ";
        var titleWidth = graphics.MeasureString(title, fonts.RunningHeadBold).Width;
        graphics.DrawString(title, fonts.RunningHeadBold, MutedBrush, ContentLeft, baseline, XStringFormats.BaseLineLeft);
        var organisation = TextFitting.Shorten(graphics, head.Organisation, fonts.RunningHead, ContentWidth - titleWidth - monthWidth - 16);
        graphics.DrawString(organisation, fonts.RunningHead, MutedBrush, ContentLeft + titleWidth, baseline, XStringFormats.BaseLineLeft);
        graphics.DrawString(month, fonts.RunningHead, MutedBrush, ContentRight, baseline, XStringFormats.BaseLineRight);
        var ruleY = flow.Y + RunningHeadHeight - RuleGap;
        graphics.DrawLine(HeaderRule, ContentLeft, ruleY, ContentRight, ruleY);
        flow.Advance(RunningHeadHeight + BlockSpacing / 2);
    }

    private void ComposeContentsPageNumbers(PdfDocument document)
    {
        foreach (var (entry, section) in contentsEntries.Zip(sectionPages))
        {
            using var graphics = XGraphics.FromPdfPage(entry.Page, XGraphicsPdfPageOptions.Append);
            graphics.DrawString(PageNumber(document, section), fonts.Body, InkBrush, ContentRight, entry.Baseline, XStringFormats.BaseLineRight);
        }
    }

    private void ComposeBookmarks(PdfDocument document)
    {
        for (var index = 0; index < sectionPages.Count; index++)
        {
            document.Outlines.Add(content.SectionTitles[index], sectionPages[index], true);
        }
    }

    private static string PageNumber(PdfDocument document, PdfPage page)
    {
        for (var index = 0; index < document.PageCount; index++)
        {
            if (ReferenceEquals(document.Pages[index], page))
            {
                return (index + 1).ToString(ReportText.Invariant);
            }
        }
        throw new InvalidOperationException("A section's page is not in the document.");
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
        graphics.DrawString(content.Head.FooterLine, fonts.Footer, MutedBrush, ContentLeft, FooterBaselineY, XStringFormats.BaseLineLeft);
        graphics.DrawString($"Page {pageNumber} of {pageCount}", fonts.Footer, MutedBrush, ContentRight, FooterBaselineY, XStringFormats.BaseLineRight);
    }

    private static void DrawText(PageFlow flow, string text, XFont font, XBrush brush, double lineHeight)
    {
        flow.Reserve(lineHeight);
        flow.Graphics.DrawString(TextFitting.Shorten(flow.Graphics, text, font, ContentWidth), font, brush, ContentLeft, ReportFonts.Baseline(flow.Y, lineHeight, font), XStringFormats.BaseLineLeft);
        flow.Advance(lineHeight);
    }
}
