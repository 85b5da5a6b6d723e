using System.Text;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfRendererUsage
{
    [Fact]
    public void RenderingToAStreamWritesAPdfAndLeavesTheStreamOpen()
    {
        using var output = new MemoryStream();

        new ReportPdfRenderer().Render(SampleReports.Few(), output);

        Assert.True(output.CanWrite);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(output.ToArray(), 0, 5), StringComparison.Ordinal);
        Assert.Contains("Total events 1,247,007", RenderedPdf.Read(output.ToArray()).Lines);
    }

    [Fact]
    public void ManyRenderersOnManyThreadsAtOnceAllProduceTheReport()
    {
        var outputs = new byte[16][];

        Parallel.For(0, outputs.Length, index => outputs[index] = new ReportPdfRenderer().Render(SampleReports.With(SampleReports.FewCodes, version: index + 1)));

        Assert.All(Enumerable.Range(0, outputs.Length), index =>
            Assert.Contains($"Report version {index + 1}", RenderedPdf.Read(outputs[index]).Lines));
    }

    [Fact]
    public void ANullReportIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new ReportPdfRenderer().Render(null!));
    }
}
