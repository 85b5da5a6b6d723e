using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// <c>summary.json</c>, schema version 1. Fields are only ever added: readers written against an
/// earlier shape keep working. Codes are strings because JSON keys are.
/// </summary>
public sealed record ReportSummary(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("eventCount")] long EventCount,
    [property: JsonPropertyName("countsByCode")] IReadOnlyDictionary<string, long> CountsByCode,
    [property: JsonPropertyName("generatedAt")] DateTimeOffset GeneratedAt)
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
        report.GeneratedAt);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static ReportSummary FromUtf8Json(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReportSummary>(json, Options) ?? throw new JsonException("summary.json is empty.");
}
