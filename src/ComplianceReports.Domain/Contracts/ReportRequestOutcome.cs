using System.Text.Json;

namespace ComplianceReports.Domain.Contracts;

/// <summary>What became of a report request, so whoever asked can tell when its report is there.</summary>
public sealed record ReportRequestOutcome(string RequestId, string Month, int Version, long EventCount, bool NewVersion, DateTimeOffset CompletedAt)
{
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, CompactContractJson.Default.ReportRequestOutcome);

    public static ReportRequestOutcome FromUtf8Json(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, CompactContractJson.Default.ReportRequestOutcome) ?? throw new JsonException("A request outcome is empty.");
}
