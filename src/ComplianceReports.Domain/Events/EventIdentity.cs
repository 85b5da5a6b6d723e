using System.Security.Cryptography;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

public static class EventIdentity
{
    /// <summary>SHA-256 of the item's canonical JSON: the same event exported twice has one identity.</summary>
    public static string Of(JsonElement item) => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.ToUtf8Bytes(item)));
}
