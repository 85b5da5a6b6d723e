using PdfSharp.Drawing;

namespace ComplianceReports.Rendering;

/// <summary>The handful of faces and sizes the report uses; all Liberation Sans so every glyph comes from the embedded files.</summary>
internal sealed class ReportFonts
{
    public XFont Title { get; } = Font(ReportLayout.TitleFontSize, XFontStyleEx.Bold);

    public XFont Subtitle { get; } = Font(ReportLayout.SubtitleFontSize, XFontStyleEx.Regular);

    public XFont Section { get; } = Font(ReportLayout.SectionFontSize, XFontStyleEx.Bold);

    public XFont Body { get; } = Font(ReportLayout.BodyFontSize, XFontStyleEx.Regular);

    public XFont BodyBold { get; } = Font(ReportLayout.BodyFontSize, XFontStyleEx.Bold);

    public XFont RunningHead { get; } = Font(ReportLayout.RunningHeadFontSize, XFontStyleEx.Regular);

    public XFont RunningHeadBold { get; } = Font(ReportLayout.RunningHeadFontSize, XFontStyleEx.Bold);

    public XFont Footer { get; } = Font(ReportLayout.FooterFontSize, XFontStyleEx.Regular);

    public static XFont Font(double size, XFontStyleEx style) => new(LiberationFontResolver.FamilyName, size, style);
}
