namespace ComplianceReports.Rendering.Tests;

/// <summary>A report in Europe/Helsinki, whose October ends a daylight-saving period (UTC+3, then UTC+2 from 25 October).</summary>
public sealed class ReportPdfShowsLocalTimeAndUtc
{
    private readonly RenderedPdf pdf = Rendered.Helsinki;

    [Fact]
    public void The_reporting_period_is_shown_in_the_zone_and_in_utc_alongside()
    {
        var cover = pdf.Pages[0].Lines;

        Assert.Contains("Reporting period 1 October 2026 00:00 – 1 November 2026 00:00 Europe/Helsinki", cover);
        Assert.Contains("Same period in UTC 30 September 2026 21:00 – 31 October 2026 22:00 UTC", cover);
    }

    [Fact]
    public void First_and_last_event_are_shown_in_local_time_with_their_offset_and_in_utc()
    {
        Assert.Contains("First event 2026-10-01 03:00:07 +03:00 (2026-10-01 00:00:07 UTC)", pdf.Lines);
        Assert.Contains("Last event 2026-10-31 23:59:58 +02:00 (2026-10-31 21:59:58 UTC)", pdf.Lines);
    }

    [Fact]
    public void Listed_events_show_local_date_and_time_with_the_offset_of_their_day()
    {
        // 2026-10-03 09:14:05 UTC is 12:14:05 in summer time; 2026-10-27 16:30:09 UTC is 18:30:09 in winter time.
        var events = pdf.LinesAfter("Secret and credential events", line => line.StartsWith("1,358 more", StringComparison.Ordinal));

        Assert.Contains(events, line => line.StartsWith("2026-10-03 alice Secret-accessed", StringComparison.Ordinal));
        Assert.Contains("12:14:05 +03:00", events);
        Assert.Contains("18:30:09 +02:00", events);
    }

    [Fact]
    public void Working_hours_are_stated_in_the_reports_zone()
    {
        Assert.Contains("successful logins outside working hours (Monday–Friday 07:30–17:00 Europe/Helsinki)", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_name_the_zone_of_their_days()
    {
        Assert.Contains("Logins per day (Europe/Helsinki)", pdf.Lines);
        Assert.Contains("Day of October 2026, Europe/Helsinki", pdf.Lines);
    }

    [Fact]
    public void The_generation_time_and_read_time_stay_in_utc()
    {
        Assert.Contains("Generated 2026-11-01 02:15:30 UTC", pdf.Pages[0].Lines);
        pdf.LineWith("events stored when generation read the store (2026-11-01 02:00:00");
    }

    [Fact]
    public void The_verification_appendix_gives_the_periods_utc_bounds_for_scripts()
    {
        Assert.Contains("Period (UTC) 2026-09-30T21:00:00.0000000Z – 2026-10-31T22:00:00.0000000Z", pdf.Lines);
        Assert.Contains("Read at (UTC) 2026-11-01T02:00:00.0000000Z", pdf.Lines);
    }
}
