using System.Text.Json;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// What <see cref="ReportDelivery"/> answers, free of any web framework: each host turns it into its own
/// response type (the Functions app and the local host both into ASP.NET Core results).
/// </summary>
public abstract record DeliveryReply
{
    /// <summary>The status the host answers with: files and pages are 200.</summary>
    public int Status => this is JsonReply json ? json.StatusCode : 200;
}

/// <summary>
/// A JSON body with a status code and, for <c>202 Accepted</c>, the address to poll; for <c>429 Too Many
/// Requests</c>, how long to wait (<c>Retry-After</c>).
/// </summary>
public sealed record JsonReply(int StatusCode, JsonElement Body, string? Location = null, TimeSpan? RetryAfter = null) : DeliveryReply
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static JsonReply Of<T>(int statusCode, T body, string? location = null) =>
        new(statusCode, JsonSerializer.SerializeToElement(body, Options), location);

    /// <summary>A one-line error: <c>{"error":"..."}</c>.</summary>
    public static JsonReply Error(int statusCode, string message) => Of(statusCode, new { error = message });
}

/// <summary>A complete HTML page, already encoded.</summary>
public sealed record HtmlReply(string Html) : DeliveryReply;

/// <summary>
/// A report file, open on blob storage: the host streams it to the response and disposes it.
/// <paramref name="DownloadName"/> is <c>null</c> for a file shown inline (summary.json).
/// </summary>
public sealed record FileReply(Stream Content, string ContentType, string? DownloadName) : DeliveryReply;
