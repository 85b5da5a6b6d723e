using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// Queue messages and small state blobs: compact, as they travel in a 48 KiB budget and have always
/// been written. Generated at build time, so a shape change shows in a diff, not at run time.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IngestEnvelope))]
[JsonSerializable(typeof(ReportRequest))]
[JsonSerializable(typeof(ReportRequestOutcome))]
[JsonSerializable(typeof(DaySeal))]
[JsonSerializable(typeof(ReportMailRequest))]
[JsonSerializable(typeof(ReviewRequest))]
internal sealed partial class CompactContractJson : JsonSerializerContext;

/// <summary>Files people and auditors read (<c>summary.json</c>, the manifest, the signed claim, a review record): indented.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportManifest))]
[JsonSerializable(typeof(ReportSummary))]
[JsonSerializable(typeof(ReportClaim))]
[JsonSerializable(typeof(ReportReview))]
internal sealed partial class IndentedContractJson : JsonSerializerContext;
