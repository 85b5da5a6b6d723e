using PdfSharp.Drawing;

namespace ComplianceReports.Rendering;

/// <summary>The handful of faces and sizes the report uses; all Liberation Sans so every glyph comes from the embedded files.</summary>
internal sealed class ReportFonts
{
    public XFont CoverTitle { get; } = Font(ReportLayout.CoverTitleFontSize, XFontStyleEx.Bold);

    public XFont CoverMonth { get; } = Font(ReportLayout.CoverMonthFontSize, XFontStyleEx.Regular);

    public XFont CoverOrganisation { get; } = Font(ReportLayout.CoverOrganisationFontSize, XFontStyleEx.Bold);

    public XFont Section { get; } = Font(ReportLayout.SectionFontSize, XFontStyleEx.Bold);

    public XFont Caption { get; } = Font(ReportLayout.CaptionFontSize, XFontStyleEx.Bold);

    public XFont Body { get; } = Font(ReportLayout.BodyFontSize, XFontStyleEx.Regular);

    public XFont BodyBold { get; } = Font(ReportLayout.BodyFontSize, XFontStyleEx.Bold);

    public XFont Table { get; } = Font(ReportLayout.TableFontSize, XFontStyleEx.Regular);

    public XFont TableBold { get; } = Font(ReportLayout.TableFontSize, XFontStyleEx.Bold);

    public XFont TableItalic { get; } = Font(ReportLayout.TableFontSize, XFontStyleEx.Italic);

    public XFont Chart { get; } = Font(ReportLayout.ChartFontSize, XFontStyleEx.Regular);

    public XFont RunningHead { get; } = Font(ReportLayout.RunningHeadFontSize, XFontStyleEx.Regular);

    public XFont RunningHeadBold { get; } = Font(ReportLayout.RunningHeadFontSize, XFontStyleEx.Bold);

    public XFont Footer { get; } = Font(ReportLayout.FooterFontSize, XFontStyleEx.Regular);

    public static XFont Font(double size, XFontStyleEx style) => new(LiberationFontResolver.FamilyName, size, style);

    /// <summary>Centres the capitals vertically in a line box, which is what the eye reads as centred.</summary>
    public static double Baseline(double top, double height, XFont font)
    {
        var capHeight = font.Metrics.CapHeight * font.Size / font.Metrics.UnitsPerEm;
        return top + (height + capHeight) / 2;
    }
}
