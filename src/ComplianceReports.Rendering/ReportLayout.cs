using PdfSharp.Drawing;

namespace ComplianceReports.Rendering;

/// <summary>Page geometry, type sizes and colours of the report, in points (1/72 inch) on A4 portrait.</summary>
internal static class ReportLayout
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;

    public const double MarginLeft = 56;
    public const double MarginRight = 56;
    public const double MarginTop = 56;

    /// <summary>Deeper than the top margin because the footer lives inside it.</summary>
    public const double MarginBottom = 72;

    public const double ContentLeft = MarginLeft;
    public const double ContentRight = PageWidth - MarginRight;
    public const double ContentWidth = ContentRight - ContentLeft;
    public const double ContentBottom = PageHeight - MarginBottom;

    public const double FooterRuleY = PageHeight - 52;
    public const double FooterBaselineY = PageHeight - 38;

    public const double TitleFontSize = 20;
    public const double SubtitleFontSize = 12;
    public const double SectionFontSize = 12;
    public const double BodyFontSize = 9.5;
    public const double RunningHeadFontSize = 8;
    public const double FooterFontSize = 8;

    /// <summary>The digest is drawn smaller if needed so it stays on one line, where it can be copied whole.</summary>
    public const double DigestMaxFontSize = 8.5;

    public const double TitleLineHeight = 26;
    public const double SubtitleLineHeight = 18;
    public const double SummaryLineHeight = 17;
    public const double SummaryLabelWidth = 132;
    public const double SectionLineHeight = 22;
    public const double ParagraphLineHeight = 15;
    public const double RunningHeadHeight = 28;

    public const double TableRowHeight = 17;
    public const double TableCellPadding = 6;
    public const double TableCodeColumnWidth = 120;
    public const double TableCountColumnWidth = 140;
    public const double TableWidth = TableCodeColumnWidth + TableCountColumnWidth;

    public const double BlockSpacing = 14;
    public const double RuleGap = 10;

    public static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    public static readonly XColor Muted = XColor.FromArgb(108, 117, 125);
    public static readonly XColor RuleColor = XColor.FromArgb(200, 205, 210);
    public static readonly XColor TableHeadingFill = XColor.FromArgb(234, 237, 240);
    public static readonly XColor RowSeparator = XColor.FromArgb(226, 229, 232);

    public static readonly XBrush InkBrush = new XSolidBrush(Ink);
    public static readonly XBrush MutedBrush = new XSolidBrush(Muted);
    public static readonly XBrush TableHeadingBrush = new XSolidBrush(TableHeadingFill);

    public static readonly XPen HeaderRule = new(RuleColor, 0.75);
    public static readonly XPen RowRule = new(RowSeparator, 0.5);
    public static readonly XPen TotalRule = new(Muted, 0.75);
}
