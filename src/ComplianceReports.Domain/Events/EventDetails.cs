using System.Text;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

/// <summary>
/// What an event acted on and what it changed, read from the PrivX item where it says, once, on
/// ingestion. PrivX names these fields differently per service, so the first present of a few known
/// names wins.
/// </summary>
public static class EventDetails
{
    // As UTF-8, the form the document holds its names in: looked up for every event, they are not
    // transcoded each time.
    private static readonly byte[][] ObjectFields = Utf8(
        "secretName", "secret_name", "secretPath", "path", "name", "roleName", "role_name", "hostName", "hostname",
        "hostAddress", "directoryName", "clientName", "client_name", "targetUsername", "userName", "objectName");

    private static readonly byte[][] DetailFields = Utf8("modifications", "changes", "details", "reason");

    /// <summary>At most this many characters of details: the evidence file keeps the whole event.</summary>
    public const int MaxDetailsLength = 300;

    public static (string? Object, string? Details) Read(JsonElement item, JsonElement message) =>
        (Shorten(First(message, ObjectFields) ?? First(item, ObjectFields)), Shorten(First(message, DetailFields)));

    private static byte[][] Utf8(params string[] names) => [.. names.Select(Encoding.UTF8.GetBytes)];

    private static string? First(JsonElement parent, byte[][] names)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var name in names)
        {
            if (parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array)
            {
                var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text;
                }
            }
        }
        return null;
    }

    private static string? Shorten(string? text) => text is { Length: > MaxDetailsLength } ? text[..(MaxDetailsLength - 1)] + "…" : text;
}
