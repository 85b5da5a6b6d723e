using ComplianceReports.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ComplianceReports.Signing.Tests;

/// <summary>
/// A report-like PDF drawn with PDFsharp directly: text in the embedded fonts on a few pages, saved
/// the way the renderer saves, so the signing tests stand apart from the report's layout.
/// </summary>
internal static class UnsignedPdfs
{
    public const int PageCount = 3;

    public static string LineOf(int page) => $"Compliance report test page {page} of {PageCount}";

    public static byte[] Report()
    {
        // The renderer installs the embedded Liberation Sans resolver, the only one PDFsharp may have in this process.
        _ = new ReportPdfRenderer();
        using var document = new PdfDocument();
        document.Info.Title = "PrivX compliance report, test";
        var font = new XFont("Liberation Sans", 12, XFontStyleEx.Regular);
        for (var page = 1; page <= PageCount; page++)
        {
            var pdfPage = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(pdfPage);
            graphics.DrawString(LineOf(page), font, XBrushes.Black, 72, 72, XStringFormats.BaseLineLeft);
            graphics.DrawRectangle(XPens.DarkGray, XBrushes.LightGray, 72, 100, 300, 40);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
