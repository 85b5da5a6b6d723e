using System.Globalization;
using PdfSharp.Drawing;
using static ComplianceReports.Rendering.ReportLayout;

namespace ComplianceReports.Rendering;

/// <summary>A chart of counts per local day as words and figures: the layout turns it into bars.</summary>
/// <param name="DayLabels">One label a day, in order; every series has one value a day.</param>
/// <param name="Shaded">Days drawn on a light ground, such as non-working days.</param>
/// <param name="EmptyText">Shown instead of a chart whose every value is zero.</param>
internal sealed record DailyChartContent(
    string Caption,
    string AxisLabel,
    IReadOnlyList<string> DayLabels,
    IReadOnlyList<bool> Shaded,
    string ShadedLegend,
    IReadOnlyList<ChartSeries> Series,
    string EmptyText);

internal sealed record ChartSeries(string Name, IReadOnlyList<long> Values);

/// <summary>
/// Grouped bars, one group a day, drawn as vectors with PDFsharp's own graphics: a value axis with
/// round ticks and grid lines, day labels, and a legend.
/// </summary>
internal sealed class DailyChartComposer(ReportFonts fonts)
{
    private const int TargetTicks = 4;
    private const double GroupFill = 0.72;
    private const double SwatchSize = 7;

    /// <summary>The first series takes the accent, the second the alert colour: the charts set successes against failures.</summary>
    private static readonly XBrush[] SeriesBrushes = [AccentBrush, AlertBrush];

    public void Compose(PageFlow flow, DailyChartContent chart)
    {
        if (chart.Series.Count > SeriesBrushes.Length)
        {
            throw new ArgumentException($"A daily chart draws at most {SeriesBrushes.Length} series.", nameof(chart));
        }
        var maximum = chart.Series.SelectMany(series => series.Values).DefaultIfEmpty(0).Max();
        if (maximum == 0)
        {
            flow.Reserve(CaptionLineHeight + ParagraphLineHeight);
            DrawCaption(flow);
            flow.Graphics.DrawString(chart.EmptyText, fonts.Body, MutedBrush, ContentLeft, ReportFonts.Baseline(flow.Y, ParagraphLineHeight, fonts.Body), XStringFormats.BaseLineLeft);
            flow.Advance(ParagraphLineHeight + BlockSpacing);
            return;
        }
        flow.Reserve(CaptionLineHeight + ChartHeight);
        DrawCaption(flow);

        var graphics = flow.Graphics;
        var top = flow.Y;
        DrawLegend(graphics, chart, top);
        var plot = new XRect(
            ContentLeft + ChartAxisWidth,
            top + ChartLegendHeight + 6,
            ContentWidth - ChartAxisWidth,
            ChartHeight - ChartLegendHeight - 6 - ChartLabelHeight);
        var (step, axisMaximum) = Axis(maximum);
        var slot = plot.Width / chart.DayLabels.Count;

        for (var day = 0; day < chart.DayLabels.Count; day++)
        {
            if (chart.Shaded[day])
            {
                graphics.DrawRectangle(NonWorkingDayBrush, plot.Left + day * slot, plot.Top, slot, plot.Height);
            }
        }
        for (var tick = 0L; tick <= axisMaximum; tick += step)
        {
            var y = plot.Bottom - plot.Height * tick / axisMaximum;
            graphics.DrawLine(tick == 0 ? AxisPen : GridPen, plot.Left, y, plot.Right, y);
            graphics.DrawString(tick.ToString("N0", CultureInfo.InvariantCulture), fonts.Chart, MutedBrush, plot.Left - 4, y + 2.2, XStringFormats.BaseLineRight);
        }
        var barWidth = slot * GroupFill / chart.Series.Count;
        for (var day = 0; day < chart.DayLabels.Count; day++)
        {
            var groupLeft = plot.Left + day * slot + slot * (1 - GroupFill) / 2;
            for (var series = 0; series < chart.Series.Count; series++)
            {
                var value = chart.Series[series].Values[day];
                if (value > 0)
                {
                    var height = plot.Height * value / axisMaximum;
                    graphics.DrawRectangle(SeriesBrushes[series], groupLeft + series * barWidth, plot.Bottom - height, barWidth, height);
                }
            }
            graphics.DrawLine(AxisPen, plot.Left + (day + 0.5) * slot, plot.Bottom, plot.Left + (day + 0.5) * slot, plot.Bottom + 2);
            graphics.DrawString(chart.DayLabels[day], fonts.Chart, MutedBrush, plot.Left + (day + 0.5) * slot, plot.Bottom + 9, XStringFormats.BaseLineCenter);
        }
        graphics.DrawLine(AxisPen, plot.Left, plot.Top, plot.Left, plot.Bottom);
        graphics.DrawString(chart.AxisLabel, fonts.Chart, MutedBrush, plot.Left + plot.Width / 2, plot.Bottom + 19, XStringFormats.BaseLineCenter);
        flow.Advance(ChartHeight + BlockSpacing);

        void DrawCaption(PageFlow target)
        {
            target.Graphics.DrawString(TextFitting.Shorten(target.Graphics, chart.Caption, fonts.Caption, ContentWidth), fonts.Caption, InkBrush, ContentLeft, ReportFonts.Baseline(target.Y, CaptionLineHeight, fonts.Caption), XStringFormats.BaseLineLeft);
            target.Advance(CaptionLineHeight);
        }
    }

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving about four ticks, and the first tick at or above the maximum.</summary>
    private static (long Step, long Maximum) Axis(long maximum)
    {
        var raw = Math.Max(1.0, (double)maximum / TargetTicks);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (long)(new[] { 1.0, 2.0, 5.0, 10.0 }.Select(factor => factor * magnitude).First(candidate => candidate >= raw));
        return (step, (maximum + step - 1) / step * step);
    }

    private void DrawLegend(XGraphics graphics, DailyChartContent chart, double top)
    {
        var baseline = top + SwatchSize + 1;
        var x = ContentRight;
        var entries = chart.Series.Select((series, index) => (series.Name, Brush: SeriesBrushes[index]))
            .Append((Name: chart.ShadedLegend, Brush: NonWorkingDayBrush))
            .Reverse();
        // Right-aligned, drawn from the right edge leftwards.
        foreach (var (name, brush) in entries)
        {
            var width = graphics.MeasureString(name, fonts.Chart).Width;
            x -= width;
            graphics.DrawString(name, fonts.Chart, InkBrush, x, baseline, XStringFormats.BaseLineLeft);
            x -= SwatchSize + 3;
            graphics.DrawRectangle(ReferenceEquals(brush, NonWorkingDayBrush) ? RowRule : null, brush, x, top + 1.5, SwatchSize, SwatchSize);
            x -= 12;
        }
    }
}
