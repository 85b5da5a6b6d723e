using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReports.Storage.Reports;

/// <summary>
/// The last file of a report version, naming its files and the event set it covers (the period's events
/// stored up to <c>cutoff</c>, with their count and digest), written only if absent: a version exists exactly when its
/// manifest does, so no reader sees half a version and no two writers both make version N.
/// </summary>
public sealed record ReportManifest(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("eventCount")] long EventCount,
    [property: JsonPropertyName("eventDigest")] string EventDigest,
    [property: JsonPropertyName("generatedAt")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("cutoff")] DateTimeOffset Cutoff)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static ReportManifest FromUtf8Json(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReportManifest>(json, Options) ?? throw new JsonException("A report manifest is empty.");
}
