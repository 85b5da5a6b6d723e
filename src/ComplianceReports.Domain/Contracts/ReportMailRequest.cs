using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// A version to mail, as it travels on the <c>report-mail</c> queue. <see cref="Attempt"/> counts the
/// sending attempts: a failed one puts the request back with the next number and a longer delay.
/// </summary>
public sealed record ReportMailRequest(string Month, int Version, int Attempt)
{
    public string ToJson() => JsonSerializer.Serialize(this, CompactContractJson.Default.ReportMailRequest);

    public static ReportMailRequest FromJson(string json)
    {
        ReportMailRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(json, CompactContractJson.Default.ReportMailRequest);
        }
        catch (JsonException e)
        {
            throw new FormatException($"A report mail request must be JSON like {{\"month\":\"2026-10\",\"version\":1,\"attempt\":1}}: {e.Message}", e);
        }
        return request is not null && Reporting.Month.TryParse(request.Month, out _) && request.Version > 0 && request.Attempt > 0
            ? request
            : throw new FormatException("A report mail request needs a month (YYYY-MM), a version and an attempt, both positive.");
    }

    [JsonIgnore]
    public Month ParsedMonth => Reporting.Month.Parse(Month);
}
