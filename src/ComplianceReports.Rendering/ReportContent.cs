using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Rendering.ReportText;

namespace ComplianceReports.Rendering;

/// <summary>
/// Every string the PDF shows, formatted once from the report model, so the layout code only places
/// text and the wording can be checked without reading a PDF. Nothing here computes a figure: each
/// number is one the model holds, written out.
/// </summary>
internal sealed record ReportContent(
    DocumentHead Head,
    DocumentMetadata Metadata,
    CoverContent Cover,
    SummaryContent Summary,
    CoverageContent Coverage,
    LoginsContent Logins,
    SecretsContent Secrets,
    ConfigurationContent Configuration,
    OtherCategoriesContent OtherCategories,
    UnknownEventsContent UnknownEvents,
    ControlsContent Controls,
    AppendixContent Appendix)
{
    public const string ReportTitle = "PrivX compliance report";

    public const string Creator = "ComplianceReports";

    public static ReportContent From(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var head = DocumentHead.From(report);
        return new ReportContent(
            head,
            DocumentMetadata.From(report, head),
            CoverContent.From(report, head),
            SummaryContent.From(report),
            CoverageContent.From(report),
            LoginsContent.From(report),
            SecretsContent.From(report),
            ConfigurationContent.From(report),
            OtherCategoriesContent.From(report),
            UnknownEventsContent.From(report),
            ControlsContent.From(report),
            AppendixContent.From(report));
    }

    /// <summary>The sections in reading order, as the cover's contents and the PDF's bookmarks list them.</summary>
    public IReadOnlyList<string> SectionTitles =>
    [
        Summary.Title, Coverage.Title, Logins.Title, Secrets.Title, Configuration.Title, OtherCategories.Title,
        UnknownEvents.Title, Controls.Title, Appendix.KeyEventsTitle, Appendix.EventsByCodeTitle, Appendix.Verification.Title,
    ];
}

/// <summary>What identifies the report on every page.</summary>
internal sealed record DocumentHead(string Title, string Organisation, string MonthName, string MonthKey, string Version)
{
    public string MonthLine => $"{MonthName} ({MonthKey})";

    public string FooterLine => $"{Title} {MonthKey}, version {Version}";

    public static DocumentHead From(MonthlyReport report) =>
        new(ReportContent.ReportTitle, report.Settings.Organisation, ReportText.MonthName(report.Month), report.Month.ToString(), report.Version.ToString(Invariant));
}

/// <param name="Custom">Entries of the Info dictionary a verifier reads without parsing text, keys without their slash.</param>
internal sealed record DocumentMetadata(
    string Title,
    string Subject,
    string Author,
    string Creator,
    DateTime CreationDateUtc,
    IReadOnlyList<KeyValuePair<string, string>> Custom)
{
    public static DocumentMetadata From(MonthlyReport report, DocumentHead head) => new(
        $"{head.Title} {head.MonthKey}",
        $"PrivX audit events of {head.MonthName} ({report.TimeZone}), report version {head.Version}",
        report.Settings.Organisation,
        ReportContent.Creator,
        report.GeneratedAt.UtcDateTime,
        [
            new("ComplianceMonth", head.MonthKey),
            new("ComplianceVersion", head.Version),
            new("ComplianceTimeZone", report.TimeZone),
            new("ComplianceReadAt", Iso(report.ReadAt)),
            new("ComplianceEventDigest", report.Aggregate.EventDigest),
        ]);
}

/// <summary>A labelled value: the label in a column of its own, the value wrapped beside it.</summary>
internal sealed record Fact(string Label, string Value, FactStyle Style = FactStyle.Plain);

internal enum FactStyle
{
    Plain,
    Strong,

    /// <summary>Needs attention: drawn in the alert colour.</summary>
    Alert,

    /// <summary>Never broken, drawn smaller if need be, so it can be copied whole.</summary>
    Unbroken,
}

internal sealed record CoverContent(
    string Title,
    string MonthLine,
    string Organisation,
    string Instance,
    IReadOnlyList<Fact> Facts,
    ChangeContent? Change,
    string ContentsCaption)
{
    public static CoverContent From(MonthlyReport report, DocumentHead head)
    {
        var aggregate = report.Aggregate;
        var period = report.Period;
        List<Fact> facts = [new("Reporting period", LocalPeriod(period))];
        if (!period.IsUtc)
        {
            facts.Add(new("Same period in UTC", UtcPeriod(period)));
        }
        facts.AddRange(
        [
            new("Generated", Utc(report.GeneratedAt)),
            new("Report version", head.Version),
            new("Events", Count(aggregate.EventCount), FactStyle.Strong),
            new("Event set", $"the {Count(aggregate.EventCount)} events stored when generation read the store ({Utc(report.ReadAt)}), listed in evidence.csv.gz"),
            new("Evidence digest (SHA-256)", aggregate.EventDigest, FactStyle.Unbroken),
        ]);
        return new CoverContent(
            head.Title,
            head.MonthName,
            report.Settings.Organisation,
            $"PrivX instance: {report.Settings.Instance ?? "all instances"}",
            facts,
            report.Change is { } change ? ChangeContent.From(report.Version, change) : null,
            "Contents");
    }
}

internal sealed record ChangeContent(string Caption, string Sentence, TableContent AddedByCategory)
{
    public static ChangeContent From(int version, VersionChange change)
    {
        var previous = change.PreviousVersion.ToString(Invariant);
        // Categories in the order of the categories document; ids the catalog no longer knows keep their id.
        var known = CatalogCategories.All.Select(category => category.Id).ToList();
        var rows = change.AddedByCategory
            .Where(pair => pair.Value != 0)
            .OrderBy(pair => known.IndexOf(pair.Key) is var index and >= 0 ? index : int.MaxValue)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new TableRow([CatalogCategories.Find(pair.Key)?.Name ?? pair.Key, Count(pair.Value)]))
            .ToList();
        return new ChangeContent(
            $"Changes since version {previous}",
            $"Version {version.ToString(Invariant)} adds {Count(change.EventsAdded)} events to version {previous}, which covered {Count(change.PreviousEventCount)} events. A later version only adds events that reached the store after the earlier one read it; none is ever removed.",
            new TableContent("Added events by category", ["Category", "Events added"], rows, "No category gained events."));
    }
}

internal sealed record SummaryContent(string Title, string Intro, TableContent Categories, string FindingsIntro, TableContent Findings)
{
    public static SummaryContent From(MonthlyReport report)
    {
        var aggregate = report.Aggregate;
        var categories = aggregate.Categories
            .Select(category => new TableRow([category.Name, Count(category.Count), Count(category.PreviousMonth), Direction(category.Count, category.PreviousMonth)]))
            .ToList();
        var findings = aggregate.Findings
            .Select(finding => new TableRow([finding.Title, finding.Figure], finding.Count > 0 ? RowStyle.Finding : RowStyle.Plain))
            .ToList();
        var month = MonthName(report.Month);
        return new SummaryContent(
            "1 Executive summary",
            aggregate.EventCount == 0
                ? $"No audit events were recorded in {month}. If PrivX was in use, check that it forwards its audit events."
                : $"{Count(aggregate.EventCount)} audit events in {month}, by the category each was stored with, against {MonthName(report.Month.Previous)} ({report.Aggregate.PreviousMonthSource}).",
            new TableContent(
                "Events by category",
                ["Category", month, MonthName(report.Month.Previous), "Change"],
                categories,
                "No categories."),
            "A finding is something an auditor must not miss; every finding above zero is marked in red, even at a count of one.",
            new TableContent("Findings", ["Finding", "Figure"], findings, "No findings this month."));
    }

    // The model holds both months' counts but not their difference, so the table shows only which way it went.
    private static string Direction(long count, long previous) =>
        count > previous ? "▲ higher" : count < previous ? "▼ lower" : "unchanged";
}
