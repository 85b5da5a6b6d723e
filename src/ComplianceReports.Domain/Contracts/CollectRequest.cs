using System.Text.Json;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// A bounded re-collection from PrivX, as it travels on the <c>privx-collect-requests</c> queue: the
/// CLI asks, the functions (which alone hold PrivX credentials) fetch. It moves no checkpoint.
/// </summary>
/// <param name="Instance">The PrivX instance to ask; <c>null</c> for the one the functions collect from.</param>
public sealed record CollectRequest(string RequestId, DateTimeOffset From, DateTimeOffset To, string? Instance, string? RequestedBy)
{
    /// <summary>A re-collection is for a gap or a doubt, not a second history: a month and a bit at most.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(32);

    public static CollectRequest For(DateTimeOffset from, DateTimeOffset to, string? instance, string requestedBy) =>
        new(ReportRequestId.New(), from, to, instance, requestedBy);

    /// <summary>Why the span cannot be asked for, or <c>null</c>.</summary>
    public static string? RefuseSpan(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) =>
        to <= from ? "--to must be after --from"
        : to - from > MaxSpan ? $"a re-collection spans at most {MaxSpan.TotalDays:0} days; ask for several"
        : from > now ? "--from is in the future"
        : null;

    public string ToJson() => JsonSerializer.Serialize(this, CompactContractJson.Default.CollectRequest);

    /// <summary>Reads a request; a body that is not one fails with a message saying what is wrong.</summary>
    public static CollectRequest FromJson(string json)
    {
        CollectRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(json, CompactContractJson.Default.CollectRequest);
        }
        catch (JsonException e)
        {
            throw new FormatException($"A collect request must be JSON like {{\"requestId\":\"...\",\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"...\"}}: {e.Message}", e);
        }
        if (request is null || !ReportRequestId.IsValid(request.RequestId) || request.To <= request.From || request.To - request.From > MaxSpan)
        {
            throw new FormatException($"A collect request needs a requestId of {ReportRequestId.Rule} and from before to, at most {MaxSpan.TotalDays:0} days apart.");
        }
        return request;
    }
}
