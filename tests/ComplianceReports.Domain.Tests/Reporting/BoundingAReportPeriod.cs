using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests;

/// <summary>A month in a time zone: local midnights as UTC instants.</summary>
public class BoundingAReportPeriod
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void October_2026_in_helsinki_runs_from_21_00_utc_on_30_september_to_22_00_utc_on_31_october()
    {
        var period = new ReportPeriod(new Month(2026, 10), ReportPeriod.FindTimeZone("Europe/Helsinki"));

        // 1 Oct 00:00 EEST (UTC+3); 1 Nov 00:00 EET (UTC+2), after the change on 25 October.
        Assert.Equal(Utc(2026, 9, 30, 21), period.StartUtc);
        Assert.Equal(Utc(2026, 10, 31, 22), period.EndUtc);
        Assert.Equal(TimeSpan.Zero, period.StartUtc.Offset);
        Assert.Equal(TimeSpan.Zero, period.EndUtc.Offset);
        Assert.Equal("Europe/Helsinki", period.TimeZoneId);
        Assert.False(period.IsUtc);
    }

    [Fact]
    public void The_start_is_in_the_period_and_the_end_is_not()
    {
        var period = GoldenMonth.Period;

        Assert.True(period.Contains(Utc(2026, 9, 30, 21)));
        Assert.False(period.Contains(Utc(2026, 9, 30, 21).AddTicks(-1)));
        Assert.True(period.Contains(Utc(2026, 10, 31, 22).AddTicks(-1)));
        Assert.False(period.Contains(Utc(2026, 10, 31, 22)));
    }

    [Fact]
    public void The_period_has_every_local_day_and_touches_two_utc_months()
    {
        var period = GoldenMonth.Period;

        Assert.Equal(Enumerable.Range(1, 31).Select(day => new DateOnly(2026, 10, day)), period.Days);
        Assert.Equal([new Month(2026, 9), new Month(2026, 10)], period.UtcMonths);
    }

    [Fact]
    public void Local_times_follow_the_zones_offset_on_each_side_of_the_change()
    {
        var period = GoldenMonth.Period;

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 3, 30, 0, TimeSpan.FromHours(3)), period.ToLocal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 3, 30, 0, TimeSpan.FromHours(2)), period.ToLocal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(3), period.ToLocal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)).Offset);
        Assert.Equal(TimeSpan.FromHours(2), period.ToLocal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero)).Offset);
    }

    [Fact]
    public void The_previous_period_ends_where_this_one_starts()
    {
        var previous = GoldenMonth.Period.Previous;

        Assert.Equal(new Month(2026, 9), previous.Month);
        Assert.Equal(Utc(2026, 8, 31, 21), previous.StartUtc);
        Assert.Equal(GoldenMonth.Period.StartUtc, previous.EndUtc);
    }

    [Fact]
    public void A_utc_period_is_the_utc_month()
    {
        var period = new ReportPeriod(new Month(2026, 10), TimeZoneInfo.Utc);

        Assert.Equal(Utc(2026, 10, 1, 0), period.StartUtc);
        Assert.Equal(Utc(2026, 11, 1, 0), period.EndUtc);
        Assert.True(period.IsUtc);
        Assert.Equal([new Month(2026, 10)], period.UtcMonths);
    }

    [Fact]
    public void A_month_whose_first_local_midnight_does_not_exist_starts_at_the_first_instant_after_the_gap()
    {
        // Cuba moved its clocks from 00:00 CST (UTC-5) to 01:00 CDT (UTC-4) on 1 April 2012: midnight never happened.
        var havana = ReportPeriod.FindTimeZone("America/Havana");
        Assert.True(havana.IsInvalidTime(new DateTime(2012, 4, 1, 0, 0, 0)));

        var april = new ReportPeriod(new Month(2012, 4), havana);
        var march = new ReportPeriod(new Month(2012, 3), havana);

        Assert.Equal(Utc(2012, 4, 1, 5), april.StartUtc);   // 01:00 CDT
        Assert.Equal(Utc(2012, 5, 1, 4), april.EndUtc);     // 1 May 00:00 CDT
        Assert.Equal(Utc(2012, 3, 1, 5), march.StartUtc);   // 1 March 00:00 CST
        Assert.Equal(april.StartUtc, march.EndUtc);         // no gap and no overlap between the months
        Assert.Equal(new DateTimeOffset(2012, 4, 1, 1, 0, 0, TimeSpan.FromHours(-4)), april.ToLocal(april.StartUtc));
    }

    [Fact]
    public void A_zone_that_does_not_exist_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportPeriod.FindTimeZone("Europe/Atlantis"));

        Assert.Contains("Europe/Atlantis", error.Message);
    }
}
