using System.Globalization;

namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfShowsTheFigures
{
    private readonly RenderedPdf pdf = RenderedPdf.Of(SampleReports.Few());

    [Fact]
    public void TheTitleAndTheMonthByNameAndByKeyHeadTheFirstPage()
    {
        var lines = pdf.Pages[0].Lines;

        Assert.Equal("PrivX compliance report", lines[0]);
        Assert.Equal("October 2026 (2026-10)", lines[1]);
    }

    [Fact]
    public void TheReportingPeriodIsShownWithItsTimeZone()
    {
        Assert.Contains("Reporting period 2026-10-01 00:00 – 2026-11-01 00:00 UTC", pdf.Lines);
    }

    [Fact]
    public void TheVersionIsShown()
    {
        Assert.Contains("Report version 3", pdf.Lines);
    }

    [Fact]
    public void TheGenerationTimeIsShownInUtc()
    {
        Assert.Contains("Generated 2026-11-01 02:15:30 UTC", pdf.Lines);
    }

    [Fact]
    public void TheTotalEventCountIsShownWithThousandsSeparators()
    {
        Assert.Contains("Total events 1,247,007", pdf.Lines);
    }

    [Fact]
    public void TheEvidenceDigestIsShownWholeOnOneLine()
    {
        Assert.Contains(pdf.Pages[0].Words, word => word.Text == SampleReports.Digest);
    }

    [Fact]
    public void EachCodeIsListedWithItsCountInAscendingCodeOrder()
    {
        Assert.Equal(["3 7", "42 1,234,567", "100 12,345", "2001 88"], pdf.TableRows());
    }

    [Fact]
    public void TheTableEndsWithTheTotalOfTheModel()
    {
        Assert.Contains("Total 1,247,007", pdf.Lines);
    }

    [Fact]
    public void CountsUseInvariantSeparatorsWhateverTheCultureOfTheRenderingThread()
    {
        var original = CultureInfo.CurrentCulture;
        RenderedPdf rendered;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            rendered = RenderedPdf.Of(SampleReports.Few());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Contains("100 12,345", rendered.TableRows());
        Assert.Contains("October 2026 (2026-10)", rendered.Lines);
    }

    [Fact]
    public void CodesWithoutEventsAreLeftOutAsInSummaryJson()
    {
        var rendered = RenderedPdf.Of(SampleReports.With(new Dictionary<int, long> { [5] = 2, [6] = 0, [7] = 1 }));

        Assert.Equal(["5 2", "7 1"], rendered.TableRows());
    }
}
