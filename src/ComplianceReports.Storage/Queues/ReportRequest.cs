using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Storage.Queues;

/// <summary>A request for a month's report, as it travels on the <c>report-requests</c> queue.</summary>
public sealed record ReportRequest(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("requestedBy")] string? RequestedBy)
{
    public static ReportRequest For(Month month, string requestedBy) => new(month.ToString(), Guid.NewGuid().ToString("N"), requestedBy);

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a request; a body that is not one fails with a message saying what is wrong.</summary>
    public static ReportRequest FromJson(string json)
    {
        ReportRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ReportRequest>(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"A report request must be JSON like {{\"month\":\"2026-10\",\"requestId\":\"...\"}}: {e.Message}", e);
        }
        if (request is null || !Domain.Reporting.Month.TryParse(request.Month, out _) || string.IsNullOrWhiteSpace(request.RequestId)
            || request.RequestId.Length > 64 || !request.RequestId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new FormatException("A report request needs a month (YYYY-MM) and a requestId of letters, digits and dashes.");
        }
        return request;
    }

    [JsonIgnore]
    public Month ParsedMonth => Domain.Reporting.Month.Parse(Month);
}
