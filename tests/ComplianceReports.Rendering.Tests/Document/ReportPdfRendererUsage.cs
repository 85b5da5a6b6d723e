using System.Globalization;
using System.Text;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfRendererUsage
{
    [Fact]
    public void Rendering_to_a_stream_writes_a_pdf_and_leaves_the_stream_open()
    {
        using var output = new MemoryStream();

        new ReportPdfRenderer().Render(SampleReports.Golden(), output);

        Assert.True(output.CanWrite);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(output.ToArray(), 0, 5), StringComparison.Ordinal);
        Assert.Contains("Events 82,430", RenderedPdf.Read(output.ToArray()).Lines);
    }

    [Fact]
    public void Many_renderers_on_many_threads_at_once_all_produce_the_report()
    {
        var outputs = new byte[8][];

        Parallel.For(0, outputs.Length, index => outputs[index] = new ReportPdfRenderer().Render(SampleReports.Golden() with { Version = index + 1 }));

        Assert.All(Enumerable.Range(0, outputs.Length), index =>
            Assert.Contains($"Report version {index + 1}", RenderedPdf.Read(outputs[index]).Lines));
    }

    [Fact]
    public void Figures_use_invariant_separators_whatever_the_culture_of_the_rendering_thread()
    {
        var original = CultureInfo.CurrentCulture;
        RenderedPdf rendered;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            rendered = RenderedPdf.Of(SampleReports.Golden());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Contains("Successful logins 40,112", rendered.Lines);
        Assert.Contains("Failure rate 8.2 % of login attempts failed", rendered.Lines);
        Assert.Contains("Reporting period 1 October 2026 00:00 – 1 November 2026 00:00 UTC", rendered.Lines);
    }

    [Fact]
    public void A_null_report_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new ReportPdfRenderer().Render(null!));
    }
}
