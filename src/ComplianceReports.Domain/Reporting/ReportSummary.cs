using System.Globalization;
using ComplianceReports.Domain.Catalog;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// <c>summary.json</c>, schema version 1. Fields are only ever added, at the end: readers written
/// against an earlier shape keep working. Codes are strings because JSON keys are; codes without
/// events are left out, while every category is listed, zero or not, so a quiet category shows.
/// </summary>
public sealed record ReportSummary(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("eventCount")] long EventCount,
    [property: JsonPropertyName("countsByCode")] IReadOnlyDictionary<string, long> CountsByCode,
    [property: JsonPropertyName("generatedAt")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("countsByCategory")] IReadOnlyDictionary<string, long> CountsByCategory)
{
    public const int CurrentSchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static ReportSummary From(MonthlyReport report) => new(
        CurrentSchemaVersion,
        report.Month.ToString(),
        report.TimeZone,
        report.Version,
        report.Aggregate.EventCount,
        report.Aggregate.CountsByCode
            .Where(pair => pair.Value > 0)
            .OrderBy(pair => pair.Key)
            .ToDictionary(pair => pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value),
        report.GeneratedAt,
        CatalogCategories.All.ToDictionary(category => category.Id, category => report.Aggregate.CountsByCategory.GetValueOrDefault(category.Id)));

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static ReportSummary FromUtf8Json(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReportSummary>(json, Options) ?? throw new JsonException("summary.json is empty.");
}
