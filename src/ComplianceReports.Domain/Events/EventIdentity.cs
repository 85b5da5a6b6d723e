using System.Security.Cryptography;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

public static class EventIdentity
{
    /// <summary>SHA-256 of the item's canonical JSON: the same event exported twice has one identity.</summary>
    public static string Of(JsonElement item)
    {
        Span<byte> sha256 = stackalloc byte[SHA256.HashSizeInBytes];
        CanonicalJson.HashSha256(item, sha256);
        return Convert.ToHexStringLower(sha256);
    }

    /// <summary>
    /// The identity re-derived from a stored raw item, so a check trusts the evidence itself, not a
    /// column beside it; <c>null</c> when the text is no longer JSON.
    /// </summary>
    public static string? OfRaw(string rawJson)
    {
        try
        {
            using var document = JsonDocument.Parse(rawJson);
            return Of(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
