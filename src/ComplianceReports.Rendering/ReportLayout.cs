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

    public const double CoverTitleFontSize = 26;
    public const double CoverMonthFontSize = 16;
    public const double CoverOrganisationFontSize = 12;
    public const double SectionFontSize = 14;
    public const double CaptionFontSize = 10;
    public const double BodyFontSize = 9.5;
    public const double TableFontSize = 8.5;
    public const double ChartFontSize = 6.5;
    public const double RunningHeadFontSize = 8;
    public const double FooterFontSize = 8;

    /// <summary>The digest is drawn smaller if needed so it stays on one line, where it can be copied whole.</summary>
    public const double DigestMaxFontSize = 8.5;

    public const double CoverBandHeight = 4;
    public const double CoverTitleGap = 36;
    public const double CoverTitleLineHeight = 34;
    public const double CoverMonthLineHeight = 24;
    public const double CoverOrganisationLineHeight = 18;
    public const double SectionLineHeight = 30;
    public const double CaptionLineHeight = 20;
    public const double ParagraphLineHeight = 13.5;
    public const double FactLabelWidth = 150;
    public const double RunningHeadHeight = 28;

    /// <summary>Where the body starts on every page after the cover, below the running head.</summary>
    public const double BodyTop = MarginTop + RunningHeadHeight + BlockSpacing / 2;

    /// <summary>The tallest block a page can hold; anything taller is split or shortened.</summary>
    public const double BodyHeight = ContentBottom - BodyTop;

    public const double TableLineHeight = 10.5;
    public const double TableCellPaddingX = 5;
    public const double TableCellPaddingY = 3.5;
    public const double FindingMarkWidth = 2.5;
    public const double ColumnGutter = 20;

    public const double ChartHeight = 170;
    public const double ChartAxisWidth = 34;
    public const double ChartLegendHeight = 16;
    public const double ChartLabelHeight = 22;

    public const double BlockSpacing = 14;
    public const double RuleGap = 10;

    public static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    public static readonly XColor Muted = XColor.FromArgb(108, 117, 125);
    public static readonly XColor RuleColor = XColor.FromArgb(200, 205, 210);
    public static readonly XColor TableHeadingFill = XColor.FromArgb(234, 237, 240);
    public static readonly XColor RowSeparator = XColor.FromArgb(226, 229, 232);

    /// <summary>The one colour of the report: headings, rules and the main chart series.</summary>
    public static readonly XColor Accent = XColor.FromArgb(31, 78, 121);
    public static readonly XColor AccentTint = XColor.FromArgb(232, 239, 246);

    /// <summary>Reserved for what needs attention: findings above zero and failures.</summary>
    public static readonly XColor Alert = XColor.FromArgb(178, 40, 48);
    public static readonly XColor NonWorkingDayFill = XColor.FromArgb(244, 245, 247);

    public static readonly XBrush InkBrush = new XSolidBrush(Ink);
    public static readonly XBrush MutedBrush = new XSolidBrush(Muted);
    public static readonly XBrush AccentBrush = new XSolidBrush(Accent);
    public static readonly XBrush AccentTintBrush = new XSolidBrush(AccentTint);
    public static readonly XBrush AlertBrush = new XSolidBrush(Alert);
    public static readonly XBrush TableHeadingBrush = new XSolidBrush(TableHeadingFill);
    public static readonly XBrush NonWorkingDayBrush = new XSolidBrush(NonWorkingDayFill);

    public static readonly XPen HeaderRule = new(RuleColor, 0.75);
    public static readonly XPen AccentRule = new(Accent, 1.25);
    public static readonly XPen RowRule = new(RowSeparator, 0.5);
    public static readonly XPen TotalRule = new(Muted, 0.75);
    public static readonly XPen AxisPen = new(Muted, 0.6);
    public static readonly XPen GridPen = new(RowSeparator, 0.5);
}
