using UglyToad.PdfPig.Graphics;

namespace ComplianceReports.Rendering.Tests;

/// <summary>The daily charts are vectors drawn with PDFsharp's own graphics: read back as paths, not as an image.</summary>
public sealed class ReportPdfChartsDailyActivity
{
    private readonly RenderedPdf pdf = Rendered.Golden;
    private readonly RenderedPage loginPage = Rendered.Golden.PageWith("Logins per day (UTC)");

    [Fact]
    public void The_login_chart_labels_every_day_of_the_month()
    {
        Assert.Contains(string.Join(' ', Enumerable.Range(1, 31)), loginPage.Lines);
        Assert.Contains("Day of October 2026, UTC", loginPage.Lines);
    }

    [Fact]
    public void The_login_chart_has_a_legend_for_both_series_and_the_shaded_days()
    {
        Assert.Contains("Successful logins Failed logins Non-working day", loginPage.Lines);
    }

    [Fact]
    public void The_value_axis_has_round_ticks_up_to_the_busiest_day()
    {
        var busiest = SampleReports.Golden().Aggregate.Logins.LoginsPerDay.Max(day => day.Count);
        var ticks = loginPage.Lines
            .Select(line => line.Replace(",", "", StringComparison.Ordinal))
            .Where(line => line.All(char.IsAsciiDigit))
            .Select(line => long.Parse(line, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(0, ticks[^1]);
        Assert.True(ticks[0] >= busiest, $"The top tick {ticks[0]} is below the busiest day's {busiest}.");
        Assert.Single(ticks.Zip(ticks.Skip(1), (above, below) => above - below).Distinct());
    }

    [Fact]
    public void Every_day_with_logins_gets_a_bar_and_every_day_with_failures_another()
    {
        var logins = SampleReports.Golden().Aggregate.Logins;
        var accentBars = Bars(loginPage, isAccent: true);
        var alertBars = Bars(loginPage, isAccent: false);

        // One more of each: the legend's swatch.
        Assert.Equal(logins.LoginsPerDay.Count(day => day.Count > 0) + 1, accentBars.Count);
        Assert.Equal(logins.FailuresPerDay.Count(day => day.Count > 0) + 1, alertBars.Count);
    }

    [Fact]
    public void The_busiest_days_bar_is_the_tallest()
    {
        var logins = SampleReports.Golden().Aggregate.Logins.LoginsPerDay;
        var busiestDay = logins.OrderByDescending(day => day.Count).First().Day.Day;
        var bars = Bars(loginPage, isAccent: true).OrderBy(bar => bar.Left).ToList();
        var dayLabels = loginPage.Words.Where(word => word.Text == busiestDay.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var tallest = bars.MaxBy(bar => bar.Height)!;

        Assert.Contains(dayLabels, label => label.BoundingBox.Left - 10 < tallest.Left && tallest.Right < label.BoundingBox.Right + 10);
    }

    [Fact]
    public void The_configuration_chart_is_drawn_with_one_series()
    {
        var page = pdf.PageWith("Configuration changes per day (UTC)");

        Assert.Contains("Configuration changes Non-working day", page.Lines);
        Assert.Empty(Bars(page, isAccent: false));
    }

    private static List<UglyToad.PdfPig.Core.PdfRectangle> Bars(RenderedPage page, bool isAccent) =>
        page.Paths
            .Where(path => path.IsFilled && path.FillColor is not null && IsAccent(path) == isAccent && IsSaturated(path))
            .Select(path => path.GetBoundingRectangle()!.Value)
            .ToList();

    private static bool IsAccent(PdfPath path) => path.FillColor!.ToRGBValues() is var (r, _, b) && b > r;

    /// <summary>The series colours, not the greys of table headings, grid lines and shaded days.</summary>
    private static bool IsSaturated(PdfPath path) => path.FillColor!.ToRGBValues() is var (r, g, b) && Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 0.25;
}
