using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Rendering.ReportText;

namespace ComplianceReports.Rendering;

internal sealed record CoverageContent(string Title, string Intro, IReadOnlyList<Fact> Facts)
{
    public static CoverageContent From(MonthlyReport report)
    {
        var coverage = report.Aggregate.Coverage;
        var period = report.Period;
        var previousMonth = MonthName(report.Month.Previous);
        return new CoverageContent(
            "2 Coverage",
            "Whether the log is complete: a day or a service without events may be quiet, or may mean events were not forwarded.",
            [
                new("First event", coverage.FirstEvent is { } first ? LocalAndUtc(period, first) : "none"),
                new("Last event", coverage.LastEvent is { } last ? LocalAndUtc(period, last) : "none"),
                new("Days without events", coverage.DaysWithoutEvents.Count == 0 ? "none" : Days(coverage.DaysWithoutEvents)),
                new("Services seen", coverage.ServicesSeen.Count == 0 ? "none" : string.Join(", ", coverage.ServicesSeen)),
                coverage.SilentServices.Count == 0
                    ? new("Silent services", $"none: every service that sent events in {previousMonth} sent some this month")
                    : new("Silent services", $"{string.Join(", ", coverage.SilentServices)}: sent events in {previousMonth}, none this month (possible gap in forwarding)", FactStyle.Alert),
                new("Quarantined items", $"{Count(coverage.Quarantined)} items refused at ingestion this period (table Quarantine)",
                    coverage.Quarantined > 0 ? FactStyle.Alert : FactStyle.Plain),
            ]);
    }
}

internal sealed record LoginsContent(
    string Title,
    IReadOnlyList<Fact> Figures,
    TableContent FailuresByUser,
    TableContent FailuresBySource,
    DailyChartContent Chart,
    TableContent OffHoursByUser)
{
    public static LoginsContent From(MonthlyReport report)
    {
        var logins = report.Aggregate.Logins;
        var settings = report.Settings;
        var top = settings.TopCount.ToString(Invariant);
        var workingHours = $"{Workdays(settings.Workdays)} {Time(settings.WorkdayStart)}–{Time(settings.WorkdayEnd)} {report.TimeZone}";
        var failuresByDay = logins.FailuresPerDay.ToDictionary(day => day.Day, day => day.Count);
        return new LoginsContent(
            "3 Logins and authentication",
            [
                new("Successful logins", Count(logins.Successful)),
                new("Failed logins", Count(logins.Failed), logins.Failed > 0 ? FactStyle.Strong : FactStyle.Plain),
                new("Failure rate", $"{Percent(logins.FailureRate)} of login attempts failed"),
                new("MFA challenges", $"{Count(logins.MfaChallengesSent)} sent, {Count(logins.MfaChallengesAccepted)} accepted"),
                new("Rate-limited attempts", Count(logins.RateLimited)),
                new("Token refresh failures", Count(logins.TokenFailures)),
                new("OAuth client failures", Count(logins.OAuthFailures)),
                new("Directory failures", Count(logins.DirectoryFailures)),
                new("Off-hours logins", $"{Count(logins.OffHoursLogins)} successful logins outside working hours ({workingHours})"),
            ],
            new TableContent($"Failed logins by user (top {top})", ["User", "Failures"], Rows(logins.FailuresByUser), "No failed logins."),
            new TableContent($"Failed logins by source address (top {top})", ["Source address", "Failures"], Rows(logins.FailuresBySourceAddress), "No failed logins."),
            DailyChart(
                report,
                $"Logins per day ({report.TimeZone})",
                logins.LoginsPerDay,
                [
                    new ChartSeries("Successful logins", logins.LoginsPerDay.Select(day => day.Count).ToList()),
                    new ChartSeries("Failed logins", logins.LoginsPerDay.Select(day => failuresByDay.GetValueOrDefault(day.Day)).ToList()),
                ],
                "No logins and no failed logins on any day."),
            new TableContent($"Off-hours logins by user (top {top})", ["User", "Logins"], Rows(logins.OffHoursByUser), "No logins outside working hours."));
    }

    internal static IReadOnlyList<TableRow> Rows(IReadOnlyList<NamedCount> counts) =>
        counts.Select(count => new TableRow([count.Name, Count(count.Count)])).ToList();

    internal static IReadOnlyList<TableRow> Rows(IReadOnlyList<CodeCount> counts) =>
        counts.Select(count => new TableRow([count.Name, count.Code.ToString(Invariant), Count(count.Count)])).ToList();

    internal static DailyChartContent DailyChart(MonthlyReport report, string caption, IReadOnlyList<DailyCount> days, IReadOnlyList<ChartSeries> series, string emptyText) => new(
        caption,
        $"Day of {MonthName(report.Month)}, {report.TimeZone}",
        days.Select(day => day.Day.Day.ToString(Invariant)).ToList(),
        days.Select(day => !report.Settings.Workdays.Contains(day.Day.DayOfWeek)).ToList(),
        "Non-working day",
        series,
        emptyText);
}

internal sealed record SecretsContent(string Title, IReadOnlyList<Fact> Figures, TableContent ByEvent, TableContent ByUser, TableContent BySecret, TableContent Events, string? NotListed)
{
    public static SecretsContent From(MonthlyReport report)
    {
        var secrets = report.Aggregate.Secrets;
        var top = report.Settings.TopCount.ToString(Invariant);
        return new SecretsContent(
            "4 Secrets and credentials",
            [new("Events", Count(secrets.Total), FactStyle.Strong)],
            new TableContent("Secret and credential events by type", ["Event", "Code", "Events"], LoginsContent.Rows(secrets.ByEvent), "No secret or credential events."),
            new TableContent($"By user (top {top})", ["User", "Events"], LoginsContent.Rows(secrets.ByUser), "No users."),
            new TableContent($"By secret (top {top})", ["Secret or credential", "Events"], LoginsContent.Rows(secrets.BySecret), "No secrets named."),
            new TableContent(
                "Secret and credential events",
                ["Time", "User", "Event", "Secret or object", "Source"],
                secrets.Events.Events.Select(listed => new TableRow(
                    [LocalStacked(report.Period, listed.OccurredAt), listed.User ?? Missing, EventName(listed), listed.Object ?? Missing, listed.SourceAddress ?? Missing]))
                    .ToList(),
                "No secret or credential events this month."),
            NotListedNote(secrets.Events, "secret and credential events"));
    }

    internal static string EventName(ListedEvent listed) => $"{listed.Name} ({listed.Code.ToString(Invariant)})";

    internal static string? NotListedNote(EventList list, string what) =>
        list.NotListed > 0 ? $"{Count(list.NotListed)} more {what} are not listed here: evidence.csv.gz holds every event." : null;
}

internal sealed record ConfigurationContent(
    string Title,
    IReadOnlyList<Fact> Figures,
    TableContent ByEvent,
    TableContent ByUser,
    DailyChartContent Chart,
    TableContent ChangeLog,
    string? NotListed)
{
    public static ConfigurationContent From(MonthlyReport report)
    {
        var configuration = report.Aggregate.Configuration;
        var top = report.Settings.TopCount.ToString(Invariant);
        return new ConfigurationContent(
            "5 Configuration changes",
            [new("Changes", Count(configuration.Total), FactStyle.Strong)],
            new TableContent("Changes by type", ["Event", "Code", "Changes"], LoginsContent.Rows(configuration.ByEvent), "No configuration changes."),
            new TableContent($"Changes by user (top {top})", ["User", "Changes"], LoginsContent.Rows(configuration.ByUser), "No users."),
            LoginsContent.DailyChart(
                report,
                $"Configuration changes per day ({report.TimeZone})",
                configuration.ChangesPerDay,
                [new ChartSeries("Configuration changes", configuration.ChangesPerDay.Select(day => day.Count).ToList())],
                "No configuration changes on any day."),
            new TableContent(
                "Change log",
                ["Time", "User", "Event", "Object", "Details"],
                configuration.ChangeLog.Events.Select(listed => new TableRow(
                    [LocalStacked(report.Period, listed.OccurredAt), listed.User ?? Missing, SecretsContent.EventName(listed), listed.Object ?? Missing, listed.Details ?? Missing]))
                    .ToList(),
                "No configuration changes this month."),
            SecretsContent.NotListedNote(configuration.ChangeLog, "configuration changes"));
    }
}

internal sealed record OtherCategoriesContent(string Title, string Intro, IReadOnlyList<CategoryContent> Categories)
{
    public static OtherCategoriesContent From(MonthlyReport report) => new(
        "6 Other categories",
        "The remaining categories of the catalog, each with its events by type and its most active users.",
        report.Aggregate.OtherCategories.Select(category => CategoryContent.From(category, report.Settings.TopCount)).ToList());
}

/// <param name="Description">What belongs in the category, from the catalog.</param>
/// <param name="Empty">The one line a category without events gets instead of its tables.</param>
internal sealed record CategoryContent(string Heading, string? Description, string Total, TableContent ByEvent, TableContent TopUsers, string? Empty)
{
    public static CategoryContent From(CategorySection category, int topCount) => new(
        category.Name,
        CatalogCategories.Find(category.Id)?.Description,
        $"{Count(category.Total)} events",
        new TableContent("By type", ["Event", "Code", "Events"], LoginsContent.Rows(category.ByEvent), "No events."),
        new TableContent($"Users (top {topCount.ToString(Invariant)})", ["User", "Events"], LoginsContent.Rows(category.TopUsers), "No users."),
        category.Total == 0 ? "No events this month." : null);
}

internal sealed record UnknownEventsContent(string Title, string Intro, TableContent Codes)
{
    public static UnknownEventsContent From(MonthlyReport report) => new(
        "7 Unknown events",
        $"Codes that the catalog in force when they were stored ({CatalogNames(report)}) did not know, most likely from a later PrivX version. They are stored and counted like any other; each needs review: what sends it, and where the catalog should place it.",
        new TableContent(
            "Events of unknown codes",
            ["Code", "Events", "Status"],
            report.Aggregate.UnknownEvents.Select(code => new TableRow([code.Code.ToString(Invariant), Count(code.Count), "needs review"], RowStyle.Finding)).ToList(),
            $"None: every event's code was in the catalog when it was stored ({CatalogNames(report)})."));

    private static string CatalogNames(MonthlyReport report) =>
        report.Aggregate.CatalogVersions.Count > 0 ? string.Join(", ", report.Aggregate.CatalogVersions) : "no events";
}
