using System.Text;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfEmbedsItsFonts
{
    private readonly RenderedPdf pdf = RenderedPdf.Of(SampleReports.Many(60));

    [Fact]
    public void EveryLetterIsSetInLiberationSans()
    {
        Assert.All(pdf.Pages.SelectMany(page => page.FontNames), name => Assert.Contains("Liberation", name, StringComparison.Ordinal));
    }

    [Fact]
    public void TheFontsAreEmbeddedAsTrueTypeNotCff()
    {
        // PDFsharp writes object dictionaries uncompressed, so the font file keys can be found in the raw bytes.
        var raw = Encoding.Latin1.GetString(pdf.Bytes);

        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/FontFile3", raw, StringComparison.Ordinal);
    }
}
