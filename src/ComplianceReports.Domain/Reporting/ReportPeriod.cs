namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// A calendar month as seen in the report's time zone: its boundaries are local midnights, turned into
/// UTC instants to select events, whose keys stay in UTC whatever zone reports use.
/// </summary>
public sealed record ReportPeriod
{
    public ReportPeriod(Month month, TimeZoneInfo timeZone)
    {
        Month = month;
        TimeZone = timeZone;
        StartUtc = LocalMidnightToUtc(month.StartUtc.DateTime, timeZone);
        EndUtc = LocalMidnightToUtc(month.EndUtc.DateTime, timeZone);
    }

    public Month Month { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>IANA id, e.g. <c>Europe/Helsinki</c>, or <c>UTC</c>.</summary>
    public string TimeZoneId => TimeZone.Id;

    public DateTimeOffset StartUtc { get; }

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset EndUtc { get; }

    public bool IsUtc => TimeZone.BaseUtcOffset == TimeSpan.Zero && !TimeZone.SupportsDaylightSavingTime;

    public bool Contains(DateTimeOffset instant) => instant >= StartUtc && instant < EndUtc;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The day of the report's zone an instant falls on.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The local calendar days of the month.</summary>
    public IEnumerable<DateOnly> Days =>
        Enumerable.Range(0, DateTime.DaysInMonth(Month.Year, Month.Number)).Select(day => new DateOnly(Month.Year, Month.Number, 1).AddDays(day));

    /// <summary>The UTC months the period touches: one, or two when the zone is not UTC.</summary>
    public IEnumerable<Month> UtcMonths => new[] { Month.Of(StartUtc), Month.Of(EndUtc.AddTicks(-1)) }.Distinct();

    public ReportPeriod Previous => new(Month.Previous, TimeZone);

    /// <summary>The UTC instants a local day of the period spans: from its midnight to the next.</summary>
    public (DateTimeOffset StartUtc, DateTimeOffset EndUtc) DayBounds(DateOnly day) =>
        (LocalMidnightToUtc(day.ToDateTime(TimeOnly.MinValue), TimeZone), LocalMidnightToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone));

    /// <summary>The UTC dates a local day of the period touches: one, or two when the zone is not UTC.</summary>
    public IReadOnlyList<DateOnly> UtcDates(DateOnly day)
    {
        var (start, end) = DayBounds(day);
        var (first, last) = (DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.AddTicks(-1).UtcDateTime));
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
    }

    /// <summary>Finds an IANA zone; a wrong name fails with the name in the message.</summary>
    public static TimeZoneInfo FindTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new ArgumentException($"'{id}' is not a time zone: use an IANA name such as UTC or Europe/Helsinki.", nameof(id));

    // A local midnight that does not exist (a spring-forward gap) starts the day at the first instant after it.
    private static DateTimeOffset LocalMidnightToUtc(DateTime localMidnight, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
