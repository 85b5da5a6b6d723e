using System.Text.Json;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// The last file of a report version, naming its files and the event set it covers, written only if
/// absent: a version exists exactly when its manifest does, so no reader sees half a version and no two
/// writers both make version N. Membership is the version's evidence, not a time: <see cref="ReadAt"/>
/// is information only, and <see cref="MarkerSequences"/> is what scheduling compares with the change
/// markers to tell whether the month may have changed since.
/// </summary>
/// <param name="SchemaVersion"><see cref="CurrentSchemaVersion"/>.</param>
/// <param name="Files">Logical name (<c>report.pdf</c>) to blob name: readers go through this map, so only published files are ever read.</param>
/// <param name="ReadAt">When generation began reading the store.</param>
/// <param name="MarkerSequences">UTC month (<c>yyyy-MM</c>) to its change marker's sequence, read before the events.</param>
/// <param name="CountsByCategory">Every category id to its count.</param>
/// <param name="Services">The services seen, in ordinal order.</param>
public sealed record ReportManifest(
    int SchemaVersion,
    string Month,
    int Version,
    long EventCount,
    string EventDigest,
    DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<string, string> Files,
    string TimeZone,
    DateTimeOffset ReadAt,
    IReadOnlyDictionary<string, long> MarkerSequences,
    IReadOnlyDictionary<string, long> CountsByCategory,
    IReadOnlyList<string> Services)
{
    public const int CurrentSchemaVersion = 2;

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, IndentedContractJson.Default.ReportManifest);

    /// <summary>Reads a manifest of this schema, or of schema 1 (no <c>schemaVersion</c>), whose files lay beside it under their logical names.</summary>
    public static ReportManifest FromUtf8Json(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (!root.TryGetProperty("schemaVersion", out _))
        {
            var month = root.GetProperty("month").GetString()!;
            var version = root.GetProperty("version").GetInt32();
            return new ReportManifest(
                1, month, version, root.GetProperty("eventCount").GetInt64(), root.GetProperty("eventDigest").GetString()!,
                root.GetProperty("generatedAt").GetDateTimeOffset(),
                root.GetProperty("files").EnumerateArray().Select(file => file.GetString()!).ToDictionary(name => name, name => $"{month}/v{version}/{name}"),
                root.GetProperty("timeZone").GetString()!, root.GetProperty("cutoff").GetDateTimeOffset(),
                new Dictionary<string, long>(), new Dictionary<string, long>(), []);
        }
        return root.Deserialize(IndentedContractJson.Default.ReportManifest) ?? throw new JsonException("A report manifest is empty.");
    }
}
