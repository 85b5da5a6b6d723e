namespace ComplianceReports.Rendering.Tests;

public sealed class ReportPdfOpensWithACover
{
    private readonly IReadOnlyList<string> cover = Rendered.Golden.Pages[0].Lines;

    [Fact]
    public void TheCoverNamesTheReportTheMonthTheOrganisationAndTheInstance()
    {
        Assert.Equal(["PrivX compliance report", "October 2026", "Northwind Payments Oy", "PrivX instance: privx-prod"], cover.Take(4));
    }

    [Fact]
    public void AReportOverAllInstancesSaysSo()
    {
        Assert.Contains("PrivX instance: all instances", Rendered.Empty.Pages[0].Lines);
    }

    [Fact]
    public void TheReportingPeriodIsShownInTheReportsTimeZone()
    {
        Assert.Contains("Reporting period 1 October 2026 00:00 – 1 November 2026 00:00 UTC", cover);
    }

    [Fact]
    public void AUtcReportDoesNotRepeatThePeriodInUtc()
    {
        Assert.DoesNotContain(cover, line => line.StartsWith("Same period in UTC", StringComparison.Ordinal));
    }

    [Fact]
    public void TheGenerationTimeIsShownInUtc()
    {
        Assert.Contains("Generated 2026-11-01 02:15:30 UTC", cover);
    }

    [Fact]
    public void TheEvidenceDigestIsOneWordOnOneLine()
    {
        Assert.Contains(Rendered.Golden.Pages[0].Words, word => word.Text == SampleReports.Digest);
    }

    [Fact]
    public void AFirstVersionSaysNothingAboutChanges()
    {
        Assert.DoesNotContain(Rendered.Empty.Pages[0].Lines, line => line.StartsWith("Changes since", StringComparison.Ordinal));
    }

    [Fact]
    public void ACategoryThatGainedNoEventsIsLeftOutOfTheChange()
    {
        Assert.DoesNotContain(cover, line => line.StartsWith("Service and system", StringComparison.Ordinal));
    }

    [Fact]
    public void TheContentsListEverySectionWithThePageItStartsOn()
    {
        var pdf = Rendered.Golden;
        var contents = pdf.Pages[0].BodyLines.SkipWhile(line => line != "Contents").Skip(1).ToList();

        Assert.Equal(11, contents.Count);
        Assert.All(contents, entry =>
        {
            var title = entry[..entry.LastIndexOf(' ')];
            var page = int.Parse(entry[(entry.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(title, pdf.Pages[page - 1].BodyLines);
        });
    }

    [Fact]
    public void TheSectionsFollowInTheOrderOfTheBrief()
    {
        var titles = Rendered.Golden.Pages[0].BodyLines.SkipWhile(line => line != "Contents").Skip(1).Select(entry => entry[..entry.LastIndexOf(' ')]);

        Assert.Equal(
            [
                "1 Executive summary", "2 Coverage", "3 Logins and authentication", "4 Secrets and credentials", "5 Configuration changes",
                "6 Other categories", "7 Unknown events", "8 Control mapping", "Appendix A Key events", "Appendix B Events by code",
                "Appendix C How to verify this report",
            ],
            titles);
    }

    [Fact]
    public void EverySectionIsBookmarkedAtItsPage()
    {
        var pdf = Rendered.Golden;
        var contents = pdf.Pages[0].BodyLines.SkipWhile(line => line != "Contents").Skip(1)
            .Select(entry => (entry[..entry.LastIndexOf(' ')], int.Parse(entry[(entry.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(contents, pdf.Bookmarks);
    }

    [Fact]
    public void TheCoverHasNoRunningHeadAndTheNextPageStartsTheSummary()
    {
        Assert.Equal("1 Executive summary", Rendered.Golden.Pages[1].BodyLines[0]);
    }
}
