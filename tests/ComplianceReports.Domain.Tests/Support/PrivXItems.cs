using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.Tests;

/// <summary>Builds PrivX items and audit events for tests, and recomputes hashes independently of the domain.</summary>
internal static class PrivXItems
{
    public const string Alice =
        """{"service_id":"5f1c","service_name":"ssh-proxy","event_id":"301","event_name":"Connection-authenticated","created":"2026-10-02T08:14:03.512Z","message":{"SSH-PrivX-service":"ssh-proxy","instanceName":"privx-prod","severity":"6","username":"alice","timestamp":"2026-10-02T08:14:03.512Z","version":"24.0"}}""";

    public const string Bob =
        """{"service_id":"5f1c","service_name":"ssh-proxy","event_id":"302","event_name":"Connection-closed","created":"2026-10-03T09:00:00Z","message":{"username":"bob","timestamp":"2026-10-03T09:00:00Z"}}""";

    /// <summary>An item with the given code (JSON text, e.g. <c>"301"</c> or <c>301</c>) and <c>created</c> value.</summary>
    public static string Item(string eventIdJson = "\"301\"", string? created = "2026-10-02T08:14:03.512Z", string? messageTimestamp = null, string user = "alice")
    {
        var parts = new List<string> { "\"service_id\":\"5f1c\"", $"\"event_id\":{eventIdJson}" };
        if (created is not null)
        {
            parts.Add($"\"created\":\"{created}\"");
        }
        var message = messageTimestamp is null
            ? $"{{\"username\":\"{user}\"}}"
            : $"{{\"username\":\"{user}\",\"timestamp\":\"{messageTimestamp}\"}}";
        parts.Add($"\"message\":{message}");
        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>The one event of a message that must hold exactly one item, and read it.</summary>
    public static AuditEvent Single(string body) => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(body).Items)).Event;

    /// <summary>The events of a message every item of which must be read.</summary>
    public static List<AuditEvent> ReadEvents(string body) =>
        AuditMessageReader.Read(body).Items.Select(item => Assert.IsType<ReadEvent>(item).Event).ToList();

    /// <summary>The one refusal of a message that must be refused whole.</summary>
    public static RejectedItem RefusedWhole(string body)
    {
        var rejected = Assert.IsType<RejectedItem>(Assert.Single(AuditMessageReader.Read(body).Items));
        Assert.Equal(AuditMessageReader.WholeMessage, rejected.Where);
        Assert.Equal(body, rejected.OriginalText);
        return rejected;
    }

    /// <summary>
    /// An audit event at the given UTC time, read by the parser, so its identity is the one its raw item
    /// gives; <paramref name="tag"/> makes events of the same time and code distinct.
    /// </summary>
    public static AuditEvent At(DateTimeOffset utc, int code = 301, string tag = "a", string? user = null)
    {
        var message = user is null ? "" : $",\"message\":{{\"username\":{JsonSerializer.Serialize(user)}}}";
        var raw = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{{\"event_id\":\"{code}\",\"created\":\"{utc.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}\",\"tag\":{JsonSerializer.Serialize(tag)}{message}}}");
        return PrivXEventParser.ParseItem(Json(raw));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    public static string Sha256Hex(byte[] bytes)
    {
        var hash = SHA256.HashData(bytes);
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return hex.ToString();
    }

    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
