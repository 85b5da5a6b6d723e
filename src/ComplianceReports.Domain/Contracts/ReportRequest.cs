using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Contracts;

/// <summary>A request for a month's report, as it travels on the <c>report-requests</c> queue.</summary>
public sealed record ReportRequest(string Month, string RequestId, string? RequestedBy)
{
    public static ReportRequest For(Month month, string requestedBy) => new(month.ToString(), ReportRequestId.New(), requestedBy);

    public string ToJson() => JsonSerializer.Serialize(this, CompactContractJson.Default.ReportRequest);

    /// <summary>Reads a request; a body that is not one fails with a message saying what is wrong.</summary>
    public static ReportRequest FromJson(string json)
    {
        ReportRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(json, CompactContractJson.Default.ReportRequest);
        }
        catch (JsonException e)
        {
            throw new FormatException($"A report request must be JSON like {{\"month\":\"2026-10\",\"requestId\":\"...\"}}: {e.Message}", e);
        }
        if (request is null || !Reporting.Month.TryParse(request.Month, out _) || !ReportRequestId.IsValid(request.RequestId))
        {
            throw new FormatException($"A report request needs a month (YYYY-MM) and a requestId of {ReportRequestId.Rule}.");
        }
        return request;
    }

    [JsonIgnore]
    public Month ParsedMonth => Reporting.Month.Parse(Month);
}
