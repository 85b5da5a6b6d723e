namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfCarriesMetadata
{
    private readonly RenderedPdf pdf = Rendered.Helsinki;

    [Fact]
    public void TheTitleNamesTheReportAndItsMonth()
    {
        Assert.Equal("PrivX compliance report 2026-10", pdf.Information.Title);
    }

    [Fact]
    public void TheSubjectNamesTheMonthTimeZoneAndVersion()
    {
        Assert.Equal("PrivX audit events of October 2026 (Europe/Helsinki), report version 3", pdf.Information.Subject);
    }

    [Fact]
    public void TheAuthorIsTheOrganisationAndTheCreatorComplianceReports()
    {
        Assert.Equal("Northwind Payments Oy", pdf.Information.Author);
        Assert.Equal("ComplianceReports", pdf.Information.Creator);
    }

    [Fact]
    public void TheCreationDateIsTheGenerationTimeOfTheReport()
    {
        Assert.Equal(SampleReports.GeneratedAt, pdf.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void AVerifierReadsMonthVersionZoneReadTimeAndDigestFromTheInfoDictionary()
    {
        Assert.Equal("2026-10", pdf.Info("ComplianceMonth"));
        Assert.Equal("3", pdf.Info("ComplianceVersion"));
        Assert.Equal("Europe/Helsinki", pdf.Info("ComplianceTimeZone"));
        Assert.Equal("2026-11-01T02:00:00.0000000Z", pdf.Info("ComplianceReadAt"));
        Assert.Equal(SampleReports.Digest, pdf.Info("ComplianceEventDigest"));
    }

    [Fact]
    public void TheReadTimeEntryRoundTripsToTheModelsInstant()
    {
        Assert.Equal(SampleReports.ReadAt, DateTimeOffset.Parse(pdf.Info("ComplianceReadAt")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EachVersionCarriesItsOwnNumber()
    {
        var version = RenderedPdf.Of(SampleReports.Empty());

        Assert.Equal("1", version.Info("ComplianceVersion"));
        Assert.Equal("UTC", version.Info("ComplianceTimeZone"));
    }
}
