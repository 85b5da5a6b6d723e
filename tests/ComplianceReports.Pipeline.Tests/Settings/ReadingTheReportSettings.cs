using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>The report settings as both hosts bind them: README's Configuration table, checked before a host starts.</summary>
public sealed class ReadingTheReportSettings
{
    [Fact]
    public void Unset_settings_take_the_documented_defaults()
    {
        var options = Read();

        Assert.Equal(("Your organisation", (string?)null, "UTC"), (options.Settings.Organisation, options.Settings.Instance, options.Settings.TimeZone.Id));
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(18, 0)), (options.Settings.WorkdayStart, options.Settings.WorkdayEnd));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], options.Settings.Workdays.Order());
        Assert.Equal(TimeSpan.FromHours(6), options.GracePeriod);
        Assert.Equal(new SigningOptions(null, null, null, null), options.Signing);
        Assert.Equal(TimeSpan.FromDays(7), options.ReviewDueAfter);
    }

    [Fact]
    public void Empty_settings_count_as_unset()
    {
        var options = Read(("ReportTimeZone", ""), ("ReportWorkingHours", " "), ("ReportGracePeriod", ""), ("ReportOrganisation", ""));

        Assert.Equal(("UTC", TimeSpan.FromHours(6), "Your organisation"), (options.Settings.TimeZone.Id, options.GracePeriod, options.Settings.Organisation));
    }

    [Fact]
    public void Every_setting_is_read_under_its_documented_name()
    {
        var options = Read(
            ("ReportOrganisation", "Example Oy"),
            ("ReportInstance", "privx-prod"),
            ("ReportTimeZone", "Europe/Helsinki"),
            ("ReportWorkingHours", "07:30-16:00"),
            ("ReportWorkingDays", "Fri-Mon,Wed"),
            ("ReportGracePeriod", "1.00:00:00"),
            ("ReportSigningCertificate", "cGZ4"),
            ("ReportSigningCertificatePath", "/certs/report.pfx"),
            ("ReportSigningCertificatePassword", "secret"),
            (ReportOptions.LocalSelfSignedPathKey, "/tmp/local.pfx"),
            ("ReviewDueAfter", "3.12:00:00"));

        Assert.Equal(("Example Oy", "privx-prod", "Europe/Helsinki"), (options.Settings.Organisation, options.Settings.Instance, options.Settings.TimeZone.Id));
        Assert.Equal((new TimeOnly(7, 30), new TimeOnly(16, 0)), (options.Settings.WorkdayStart, options.Settings.WorkdayEnd));
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Saturday], options.Settings.Workdays.Order());
        Assert.Equal(TimeSpan.FromDays(1), options.GracePeriod);
        Assert.Equal(new SigningOptions("cGZ4", "/certs/report.pfx", "secret", "/tmp/local.pfx"), options.Signing);
        Assert.Equal(new TimeSpan(3, 12, 0, 0), options.ReviewDueAfter);
    }

    [Theory]
    [InlineData("ReportTimeZone", "Europe/Atlantis", "ReportTimeZone 'Europe/Atlantis' is not a time zone: use an IANA name such as UTC or Europe/Helsinki.")]
    [InlineData("ReportWorkingHours", "9-5", "ReportWorkingHours must look like 08:00-18:00, not '9-5'.")]
    [InlineData("ReportWorkingHours", "18:00-08:00", "ReportWorkingHours must look like 08:00-18:00, not '18:00-08:00'.")]
    [InlineData("ReportWorkingDays", "Mon-Fry", "ReportWorkingDays must use Mon, Tue, … Sun, as in Mon-Fri, not 'Mon-Fry'.")]
    [InlineData("ReportWorkingDays", ",", "ReportWorkingDays names no day: ','.")]
    [InlineData("ReportGracePeriod", "six hours", "ReportGracePeriod must be a duration such as 06:00:00, not 'six hours'.")]
    [InlineData("ReportGracePeriod", "-01:00:00", "ReportGracePeriod must be a duration such as 06:00:00, not '-01:00:00'.")]
    [InlineData("ReviewDueAfter", "a week", "ReviewDueAfter must be a positive duration such as 7.00:00:00 (seven days), not 'a week'.")]
    [InlineData("ReviewDueAfter", "00:00:00", "ReviewDueAfter must be a positive duration such as 7.00:00:00 (seven days), not '00:00:00'.")]
    public void A_bad_setting_fails_the_start_up_check_with_one_line_naming_it(string key, string value, string message)
    {
        var services = Services((key, value));

        var invalid = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(message, invalid.Message);
    }

    private static ReportOptions Read(params (string Key, string Value)[] settings) => Services(settings).GetRequiredService<ReportOptions>();

    private static ServiceProvider Services(params (string Key, string Value)[] settings) => SettingsOnly.Services(settings);
}
