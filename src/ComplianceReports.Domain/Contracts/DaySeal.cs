using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// A day of the report's zone, closed: its rollup, its day digest and the name of its evidence chunk,
/// as read when the UTC days and hours it spans had the change-marker sequences in <see cref="Markers"/>.
/// A seal is written once and kept; a day whose markers moved on is sealed anew, its changed hours read
/// again and the rest taken from the seal before, so a seal is used whole only while its markers are
/// current, and a change to the store always shows as a newer one.
/// </summary>
/// <param name="Scope">What the rollup depends on besides the events (<see cref="ScopeOf"/>): a seal of another scope is never used.</param>
/// <param name="Markers">
/// UTC day (<c>yyyy-MM-dd</c>) and UTC hour (<c>yyyy-MM-ddTHH</c>) to its change marker's sequence,
/// read before the day's events.
/// </param>
/// <param name="Chunk">The blob holding the day's evidence rows as one gzip member; <c>null</c> for a day without events.</param>
/// <param name="ChunkSha256">SHA-256 of the chunk's bytes, checked when it is copied into a version.</param>
public sealed record DaySeal(
    int SchemaVersion,
    string Scope,
    string TimeZone,
    DateOnly Date,
    IReadOnlyDictionary<string, long> Markers,
    DateTimeOffset SealedAt,
    long Count,
    string Digest,
    string? Chunk,
    string? ChunkSha256,
    Rollup Rollup)
{
    // 2: markers per UTC hour too, and seals named by their markers' sum.
    public const int CurrentSchemaVersion = 2;

    public DayRollup Day => new(Date, Count, Digest, Rollup);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, CompactContractJson.Default.DaySeal);

    public static DaySeal FromUtf8Json(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, CompactContractJson.Default.DaySeal) ?? throw new JsonException("A day seal is empty.");

    /// <summary>
    /// The report settings a day's rollup depends on, with the zone and the seal schema, as a short
    /// hash: a change to any of them makes new seals, and old ones stay for the versions that used them.
    /// </summary>
    public static string ScopeOf(ReportPeriod period, ReportSettings settings)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{CurrentSchemaVersion}|{period.TimeZoneId}|{settings.WorkdayStart:HH\\:mm\\:ss}|{settings.WorkdayEnd:HH\\:mm\\:ss}|{string.Join(',', settings.Workdays.Order())}|{settings.MaxListedEvents}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
