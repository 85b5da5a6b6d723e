using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReports.Storage.Reports;

/// <summary>What became of a report request, so whoever asked can tell when its report is there.</summary>
public sealed record ReportRequestOutcome(
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("eventCount")] long EventCount,
    [property: JsonPropertyName("newVersion")] bool NewVersion,
    [property: JsonPropertyName("completedAt")] DateTimeOffset CompletedAt)
{
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static ReportRequestOutcome FromUtf8Json(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReportRequestOutcome>(json) ?? throw new JsonException("A request outcome is empty.");
}
