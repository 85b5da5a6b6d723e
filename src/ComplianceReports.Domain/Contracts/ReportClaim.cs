using System.Text.Json;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// What a report version claims, carried inside its signed PDF as <c>claim.json</c>: the only thing a
/// verifier trusts. <c>summary.json</c>, the evidence file and the manifest are checked against it,
/// never believed instead of it.
/// </summary>
/// <param name="EvidenceSha256">SHA-256 of <c>evidence.csv.gz</c> as published, so not one byte of it can change unseen.</param>
/// <param name="SummarySha256">SHA-256 of <c>summary.json</c> as published.</param>
public sealed record ReportClaim(
    int ClaimVersion,
    string Month,
    string TimeZone,
    int Version,
    DateTimeOffset GeneratedAt,
    DateTimeOffset PeriodStartUtc,
    DateTimeOffset PeriodEndUtc,
    long EventCount,
    string EventDigest,
    IReadOnlyList<DayDigest> Days,
    string EvidenceSha256,
    string SummarySha256)
{
    public const int CurrentVersion = 1;

    /// <summary>The claim of a rendered version, over the bytes of its published files.</summary>
    public static ReportClaim For(MonthlyReport report, string evidenceSha256, string summarySha256) =>
        new(
            CurrentVersion,
            report.Month.ToString(),
            report.TimeZone,
            report.Version,
            report.GeneratedAt,
            report.Period.StartUtc,
            report.Period.EndUtc,
            report.Aggregate.EventCount,
            report.Aggregate.EventDigest,
            report.Aggregate.Days,
            evidenceSha256,
            summarySha256);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, IndentedContractJson.Default.ReportClaim);

    /// <summary>Reads a claim; one whose shape is wrong is refused with a sentence, never half-read.</summary>
    public static ReportClaim FromUtf8Json(ReadOnlySpan<byte> json)
    {
        try
        {
            var claim = JsonSerializer.Deserialize(json, IndentedContractJson.Default.ReportClaim);
            return claim is { Month: not null, TimeZone: not null, EventDigest: not null, Days: not null, EvidenceSha256: not null, SummarySha256: not null }
                ? claim
                : throw new JsonException("fields are missing");
        }
        catch (JsonException error)
        {
            throw new FormatException($"the signed claim is not a report claim: {error.Message}", error);
        }
    }
}
