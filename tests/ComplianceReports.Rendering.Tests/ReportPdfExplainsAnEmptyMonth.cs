namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfExplainsAnEmptyMonth
{
    private readonly RenderedPdf pdf = RenderedPdf.Of(SampleReports.Empty());

    [Fact]
    public void ASentenceSaysThereWereNoEventsInTheMonth()
    {
        Assert.Contains("No audit events were recorded in October 2026.", pdf.Lines);
    }

    [Fact]
    public void NoEmptyTableIsDrawn()
    {
        Assert.DoesNotContain("Code Count", pdf.Lines);
        Assert.DoesNotContain(pdf.Lines, line => line.StartsWith("Total ", StringComparison.Ordinal) && line != "Total events 0");
    }

    [Fact]
    public void TheSummaryStillShowsZeroEventsAndTheDigest()
    {
        Assert.Contains("Total events 0", pdf.Lines);
        Assert.Contains(pdf.Pages[0].Words, word => word.Text == SampleReports.Digest);
    }

    [Fact]
    public void ItFitsOnOnePage()
    {
        var page = Assert.Single(pdf.Pages);
        Assert.Equal("PrivX compliance report 2026-10, version 3 Page 1 of 1", page.Lines[^1]);
    }
}
