using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests;

public class Months
{
    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("2026-01", 2026, 1)]
    [InlineData("2026-12", 2026, 12)]
    [InlineData("0001-01", 1, 1)]
    [InlineData("9998-12", 9998, 12)]
    public void An_exact_year_dash_month_is_parsed(string text, int year, int number)
    {
        var month = Month.Parse(text);

        Assert.Equal(year, month.Year);
        Assert.Equal(number, month.Number);
        Assert.Equal(text, month.ToString());
    }

    [Theory]
    [InlineData("2026-1")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("0000-01")]
    [InlineData("9999-01")]
    [InlineData(" 2026-10")]
    [InlineData("2026-10 ")]
    [InlineData("2026-10\n")]
    [InlineData("2026-10-01")]
    [InlineData("202610")]
    [InlineData("26-10")]
    [InlineData("2026/10")]
    [InlineData("")]
    [InlineData("٢٠٢٦-10")] // Arabic-Indic digits
    [InlineData(null)]
    public void Anything_but_an_exact_year_dash_month_is_refused(string? text)
    {
        Assert.False(Month.TryParse(text, out var month));
        Assert.Equal(default, month);
        var error = Assert.Throws<FormatException>(() => Month.Parse(text!));
        Assert.Contains("YYYY-MM", error.Message);
    }

    [Fact]
    public void Start_and_end_are_the_first_instants_of_this_and_the_next_month_in_utc()
    {
        var month = new Month(2026, 10);

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), month.StartUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), month.EndUtc);
        Assert.Equal(TimeSpan.Zero, month.StartUtc.Offset);
        Assert.Equal(TimeSpan.Zero, month.EndUtc.Offset);
    }

    [Fact]
    public void December_ends_at_the_start_of_the_next_year()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new Month(2026, 12).EndUtc);
    }

    [Fact]
    public void Next_and_previous_cross_the_year_boundary()
    {
        Assert.Equal(new Month(2027, 1), new Month(2026, 12).Next);
        Assert.Equal(new Month(2025, 12), new Month(2026, 1).Previous);
        Assert.Equal(new Month(2026, 11), new Month(2026, 10).Next);
        Assert.Equal(new Month(2026, 9), new Month(2026, 10).Previous);
    }

    [Fact]
    public void The_start_is_inside_and_the_end_is_outside_the_month()
    {
        var month = new Month(2026, 10);

        Assert.True(month.Contains(month.StartUtc));
        Assert.True(month.Contains(month.EndUtc.AddTicks(-1)));
        Assert.False(month.Contains(month.EndUtc));
        Assert.False(month.Contains(month.StartUtc.AddTicks(-1)));
    }

    [Fact]
    public void Contains_compares_instants_not_local_dates()
    {
        var october = new Month(2026, 10);

        // Local 1 November, but 31 October 23:00 in UTC.
        Assert.True(october.Contains(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(2))));
        // Local 31 October, but 1 November 01:00 in UTC.
        Assert.False(october.Contains(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.FromHours(-2))));
    }

    [Fact]
    public void Of_an_instant_with_an_offset_uses_its_utc_month()
    {
        Assert.Equal(new Month(2026, 10), Month.Of(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal(new Month(2026, 11), Month.Of(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.FromHours(-2))));
        Assert.Equal(new Month(2027, 1), Month.Of(new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.FromHours(-3))));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9999, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    public void A_month_outside_the_calendar_cannot_be_constructed(int year, int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Month(year, number));
    }

    [Fact]
    public void Months_with_the_same_year_and_number_are_equal()
    {
        Assert.Equal(Month.Parse("2026-10"), new Month(2026, 10));
        Assert.NotEqual(new Month(2026, 10), new Month(2025, 10));
    }
}
