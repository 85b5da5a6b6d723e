using System.Text;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfEmbedsItsFonts
{
    private readonly RenderedPdf pdf = Rendered.Golden;

    [Fact]
    public void Every_letter_is_set_in_liberation_sans()
    {
        Assert.All(pdf.Pages.SelectMany(page => page.Letters), letter => Assert.Contains("Liberation", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void The_fonts_are_embedded_as_true_type_not_cff()
    {
        // PDFsharp writes object dictionaries uncompressed, so the font file keys can be found in the raw bytes.
        var raw = Encoding.Latin1.GetString(pdf.Bytes);

        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/FontFile3", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void The_arrows_dashes_and_ellipsis_of_the_text_have_glyphs_in_the_embedded_font()
    {
        // A character the font lacks comes back as nothing or as a replacement: these did come back as themselves.
        var text = string.Concat(Rendered.Huge.Lines);

        Assert.Contains("▲", pdf.LineWith("Logins and authentication 48,213"), StringComparison.Ordinal);
        Assert.Contains("–", pdf.LineWith("Days without events"), StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
    }
}
