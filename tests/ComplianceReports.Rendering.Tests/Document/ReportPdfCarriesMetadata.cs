namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfCarriesMetadata
{
    private readonly RenderedPdf pdf = Rendered.Helsinki;

    [Fact]
    public void The_title_names_the_report_and_its_month()
    {
        Assert.Equal("PrivX compliance report 2026-10", pdf.Information.Title);
    }

    [Fact]
    public void The_subject_names_the_month_time_zone_and_version()
    {
        Assert.Equal("PrivX audit events of October 2026 (Europe/Helsinki), report version 3", pdf.Information.Subject);
    }

    [Fact]
    public void The_author_is_the_organisation_and_the_creator_compliance_reports()
    {
        Assert.Equal("Northwind Payments Oy", pdf.Information.Author);
        Assert.Equal("ComplianceReports", pdf.Information.Creator);
    }

    [Fact]
    public void The_creation_date_is_the_generation_time_of_the_report()
    {
        Assert.Equal(SampleReports.GeneratedAt, pdf.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void A_verifier_reads_month_version_zone_read_time_and_digest_from_the_info_dictionary()
    {
        Assert.Equal("2026-10", pdf.Info("ComplianceMonth"));
        Assert.Equal("3", pdf.Info("ComplianceVersion"));
        Assert.Equal("Europe/Helsinki", pdf.Info("ComplianceTimeZone"));
        Assert.Equal("2026-11-01T02:00:00.0000000Z", pdf.Info("ComplianceReadAt"));
        Assert.Equal(SampleReports.Digest, pdf.Info("ComplianceEventDigest"));
    }

    [Fact]
    public void The_read_time_entry_round_trips_to_the_models_instant()
    {
        Assert.Equal(SampleReports.ReadAt, DateTimeOffset.Parse(pdf.Info("ComplianceReadAt")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Each_version_carries_its_own_number()
    {
        var version = RenderedPdf.Of(SampleReports.Empty());

        Assert.Equal("1", version.Info("ComplianceVersion"));
        Assert.Equal("UTC", version.Info("ComplianceTimeZone"));
    }
}
