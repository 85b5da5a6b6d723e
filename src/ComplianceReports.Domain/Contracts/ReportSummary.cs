using System.Globalization;
using System.Text.Json;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// <c>summary.json</c>, schema version 2: every figure the PDF prints, from the same model. Version 2
/// changed what the digest covers and how membership is decided (the identities read, not a cutoff),
/// so <c>schemaVersion</c> tells the two apart; within a version fields are only ever added, at the end. Codes are
/// strings because JSON keys are; codes without events are left out, while every category is listed,
/// zero or not, so a quiet category shows. Only <c>generatedAt</c> differs between two generations of
/// the same event set.
/// </summary>
public sealed record ReportSummary(
    int SchemaVersion,
    string Month,
    string TimeZone,
    int Version,
    long EventCount,
    IReadOnlyDictionary<string, long> CountsByCode,
    DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<string, long> CountsByCategory,
    DateTimeOffset PeriodStartUtc,
    DateTimeOffset PeriodEndUtc,
    DateTimeOffset ReadAt,
    string EventDigest,
    string Organisation,
    string? Instance,
    IReadOnlyList<CategoryCount> Categories,
    IReadOnlyList<Finding> Findings,
    Coverage Coverage,
    LoginSection Logins,
    SecretsSection Secrets,
    ConfigurationSection Configuration,
    IReadOnlyList<CategorySection> OtherCategories,
    IReadOnlyList<CodeCount> UnknownEvents,
    IReadOnlyList<ControlEvidence> Controls,
    EventList KeyEvents,
    VersionChange? Changes,
    IReadOnlyList<DayDigest> Days,
    IReadOnlyList<string> CatalogVersions,
    string PreviousMonthSource)
{
    public const int CurrentSchemaVersion = 2;

    public static ReportSummary From(MonthlyReport report)
    {
        var aggregate = report.Aggregate;
        return new ReportSummary(
            CurrentSchemaVersion,
            report.Month.ToString(),
            report.TimeZone,
            report.Version,
            aggregate.EventCount,
            aggregate.CountsByCode
                .Where(pair => pair.Value > 0)
                .OrderBy(pair => pair.Key)
                .ToDictionary(pair => pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value),
            report.GeneratedAt,
            aggregate.Categories.ToDictionary(category => category.Id, category => category.Count),
            aggregate.Period.StartUtc,
            aggregate.Period.EndUtc,
            report.ReadAt,
            aggregate.EventDigest,
            report.Settings.Organisation,
            report.Settings.Instance,
            aggregate.Categories,
            aggregate.Findings,
            aggregate.Coverage,
            aggregate.Logins,
            aggregate.Secrets,
            aggregate.Configuration,
            aggregate.OtherCategories,
            aggregate.UnknownEvents,
            aggregate.Controls,
            aggregate.KeyEvents,
            report.Change,
            aggregate.Days,
            aggregate.CatalogVersions,
            aggregate.PreviousMonthSource);
    }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, IndentedContractJson.Default.ReportSummary);

    public static ReportSummary FromUtf8Json(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, IndentedContractJson.Default.ReportSummary) ?? throw new JsonException("summary.json is empty.");
}
