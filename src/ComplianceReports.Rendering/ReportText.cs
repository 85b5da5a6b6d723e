using System.Globalization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Rendering;

/// <summary>
/// How the report writes figures, times and lists: invariant culture throughout, because a report must
/// read the same whichever machine renders it.
/// </summary>
internal static class ReportText
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Stands in for a value the event did not carry.</summary>
    public const string Missing = "—";

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>One decimal, as the model's own figures write rates.</summary>
    public static string Percent(double fraction) => fraction.ToString("P1", Invariant);

    public static string MonthName(Month month) => $"{Invariant.DateTimeFormat.GetMonthName(month.Number)} {month.Year.ToString(Invariant)}";

    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";

    /// <summary>ISO 8601 in UTC with every digit, for machines: <c>2026-11-01T02:00:00.0000000Z</c>.</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", Invariant);

    /// <summary>Local time of the report's zone with its offset that day (it changes with daylight saving), e.g. <c>2026-10-03 14:05:12 +03:00</c>.</summary>
    public static string Local(ReportPeriod period, DateTimeOffset instant)
    {
        var local = period.ToLocal(instant);
        return $"{local.ToString("yyyy-MM-dd HH:mm:ss", Invariant)} {Zone(period, local)}";
    }

    /// <summary>Local time, and UTC beside it unless the report is in UTC.</summary>
    public static string LocalAndUtc(ReportPeriod period, DateTimeOffset instant) =>
        period.IsUtc ? Utc(instant) : $"{Local(period, instant)} ({Utc(instant)})";

    /// <summary>Local time on two lines, date over time, so a table's time column stays narrow.</summary>
    public static string LocalStacked(ReportPeriod period, DateTimeOffset instant)
    {
        var local = period.ToLocal(instant);
        return $"{local.ToString("yyyy-MM-dd", Invariant)}\n{local.ToString("HH:mm:ss", Invariant)} {Zone(period, local)}";
    }

    /// <summary><c>1 October 2026 00:00 – 1 November 2026 00:00 Europe/Helsinki</c>.</summary>
    public static string LocalPeriod(ReportPeriod period) =>
        $"{Long(period.ToLocal(period.StartUtc))} – {Long(period.ToLocal(period.EndUtc))} {period.TimeZoneId}";

    public static string UtcPeriod(ReportPeriod period) =>
        $"{Long(period.StartUtc.ToUniversalTime())} – {Long(period.EndUtc.ToUniversalTime())} UTC";

    /// <summary>Days of one month written as a reader scans them: <c>3, 10–12 and 20 October 2026</c>.</summary>
    public static string Days(IReadOnlyList<DateOnly> days)
    {
        var months = days.Order().GroupBy(day => (day.Year, day.Month)).Select(month =>
        {
            var runs = new List<string>();
            var sorted = month.ToList();
            var start = 0;
            for (var index = 1; index <= sorted.Count; index++)
            {
                if (index == sorted.Count || sorted[index].DayNumber != sorted[index - 1].DayNumber + 1)
                {
                    runs.Add(index - 1 == start
                        ? sorted[start].Day.ToString(Invariant)
                        : $"{sorted[start].Day.ToString(Invariant)}–{sorted[index - 1].Day.ToString(Invariant)}");
                    start = index;
                }
            }
            return $"{Join(runs)} {Invariant.DateTimeFormat.GetMonthName(month.Key.Month)} {month.Key.Year.ToString(Invariant)}";
        });
        return string.Join("; ", months);
    }

    /// <summary><c>Monday–Friday</c> for a run of days, else the days named one by one.</summary>
    public static string Workdays(IReadOnlySet<DayOfWeek> workdays)
    {
        // The working week as people in the report's region read it: Monday first.
        var week = Enumerable.Range(1, 7).Select(offset => (DayOfWeek)(offset % 7)).ToList();
        var days = week.Where(workdays.Contains).ToList();
        if (days.Count == 0)
        {
            return "no day";
        }
        var first = week.IndexOf(days[0]);
        var isRun = days.Select((day, index) => week.IndexOf(day) == first + index).All(inRun => inRun);
        return isRun && days.Count > 2
            ? $"{Invariant.DateTimeFormat.GetDayName(days[0])}–{Invariant.DateTimeFormat.GetDayName(days[^1])}"
            : Join(days.Select(day => Invariant.DateTimeFormat.GetDayName(day)).ToList());
    }

    public static string Time(TimeOnly time) => time.ToString("HH:mm", Invariant);

    /// <summary><c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    private static string Long(DateTimeOffset instant) => instant.ToString("d MMMM yyyy HH:mm", Invariant);

    private static string Zone(ReportPeriod period, DateTimeOffset local) => period.IsUtc ? "UTC" : local.ToString("zzz", Invariant);
}
