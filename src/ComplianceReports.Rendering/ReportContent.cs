using System.Globalization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Rendering;

/// <summary>
/// Every string the PDF shows, formatted once from the report model, so the layout code only places
/// text and the wording can be checked without reading a PDF.
/// </summary>
internal sealed record ReportContent(
    string Title,
    string MonthName,
    string MonthKey,
    string Period,
    string Version,
    string GeneratedAt,
    string EventCount,
    string Digest,
    IReadOnlyList<CodeCountRow> CodeCounts,
    string NoEventsSentence,
    string DocumentTitle,
    string DocumentSubject,
    DateTime CreationDateUtc)
{
    public const string ReportTitle = "PrivX compliance report";

    public const string Author = "ComplianceReports";

    // Invariant culture throughout: a report must read the same whichever machine renders it.
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ReportContent From(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var month = report.Month;
        var monthName = $"{Invariant.DateTimeFormat.GetMonthName(month.Number)} {month.Year.ToString(Invariant)}";
        var monthKey = month.ToString();
        return new ReportContent(
            Title: ReportTitle,
            MonthName: monthName,
            MonthKey: monthKey,
            Period: $"{Minute(month.StartUtc)} – {Minute(month.EndUtc)} {report.TimeZone}",
            Version: report.Version.ToString(Invariant),
            GeneratedAt: string.Create(Invariant, $"{report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"),
            EventCount: Count(report.Aggregate.EventCount),
            Digest: report.Aggregate.EventDigest,
            CodeCounts: report.Aggregate.CountsByCode
                // The same rows as summary.json, so the two artefacts of one version never disagree.
                .Where(pair => pair.Value > 0)
                .OrderBy(pair => pair.Key)
                .Select(pair => new CodeCountRow(pair.Key.ToString(Invariant), Count(pair.Value)))
                .ToList(),
            NoEventsSentence: $"No audit events were recorded in {monthName}.",
            DocumentTitle: $"{ReportTitle} {monthKey}",
            DocumentSubject: $"PrivX audit events of {monthName} ({report.TimeZone}), report version {report.Version.ToString(Invariant)}",
            CreationDateUtc: report.GeneratedAt.UtcDateTime);
    }

    private static string Minute(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant);

    private static string Count(long value) => value.ToString("N0", Invariant);
}

internal sealed record CodeCountRow(string Code, string Count);
