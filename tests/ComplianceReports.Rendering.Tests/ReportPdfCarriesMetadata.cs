namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfCarriesMetadata
{
    private readonly RenderedPdf pdf = RenderedPdf.Of(SampleReports.Few());

    [Fact]
    public void TheTitleNamesTheReportAndItsMonth()
    {
        Assert.Equal("PrivX compliance report 2026-10", pdf.Information.Title);
    }

    [Fact]
    public void TheSubjectNamesTheMonthTimeZoneAndVersion()
    {
        Assert.Equal("PrivX audit events of October 2026 (UTC), report version 3", pdf.Information.Subject);
    }

    [Fact]
    public void AuthorAndCreatorAreComplianceReports()
    {
        Assert.Equal("ComplianceReports", pdf.Information.Author);
        Assert.Equal("ComplianceReports", pdf.Information.Creator);
    }

    [Fact]
    public void TheCreationDateIsTheGenerationTimeOfTheReport()
    {
        Assert.Equal(SampleReports.GeneratedAt, pdf.Information.GetCreatedDateTimeOffset());
    }
}
