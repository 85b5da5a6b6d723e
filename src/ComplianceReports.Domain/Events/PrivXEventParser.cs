using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

/// <summary>Reads one PrivX audit item, or says in words a producer can act on why it is not one.</summary>
public static class PrivXEventParser
{
    /// <summary>PrivX events are a few KiB; anything near a megabyte is not an audit event.</summary>
    public const int MaxItemBytes = 1024 * 1024;

    /// <summary>The longest user, address, service or instance name kept as a fact; longer is refused, not truncated.</summary>
    public const int MaxFactLength = 1024;

    public static AuditEvent ParseItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidAuditEventException($"An event must be a JSON object, not {Describe(item.ValueKind)}.");
        }
        if (!item.EnumerateObject().Any())
        {
            throw new InvalidAuditEventException("The event is an empty object.");
        }

        var raw = item.GetRawText();
        var size = Encoding.UTF8.GetByteCount(raw);
        if (size > MaxItemBytes)
        {
            throw new InvalidAuditEventException($"The event is {size:N0} bytes, over the {MaxItemBytes:N0} an audit event may have.");
        }
        // Each level opens with a bracket, so an item with few brackets (every real one) needs no second pass to measure its depth.
        var depth = raw.AsSpan().Count('{') + raw.AsSpan().Count('[') > JsonNesting.MaxItemDepth ? JsonNesting.DepthOf(raw) : 0;
        if (depth > JsonNesting.MaxItemDepth)
        {
            throw new InvalidAuditEventException($"The event nests {depth:N0} levels deep, over the {JsonNesting.MaxItemDepth} an audit event may have.");
        }

        var code = ReadCode(item);
        var time = ReadTime(item);
        var message = item.TryGetProperty("message"u8, out var found) ? found : default;
        if (message.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            throw new InvalidAuditEventException($"\"message\" must be an object, not {Describe(message.ValueKind)}.");
        }

        var (target, details) = EventDetails.Read(item, message);
        var facts = EventFacts.FromCatalog(
            code,
            user: Fact(message, "username"u8, "message.username"),
            sourceAddress: Fact(message, "remoteAddress"u8, "message.remoteAddress"),
            service: Fact(item, "service_name"u8, "service_name") ?? Fact(message, "SSH-PrivX-service"u8, "message.SSH-PrivX-service"),
            instance: Fact(message, "instanceName"u8, "message.instanceName"),
            target: target,
            details: details);
        return new AuditEvent(time, code, EventIdentity.Of(item), raw, facts);
    }

    private static int ReadCode(JsonElement item)
    {
        if (!item.TryGetProperty("event_id"u8, out var eventId))
        {
            throw new InvalidAuditEventException("The event has no \"event_id\".");
        }

        // PrivX sends the code as a string; some forwarders turn it into a number.
        var text = eventId.ValueKind switch
        {
            JsonValueKind.String => eventId.GetString(),
            JsonValueKind.Number => eventId.GetRawText(),
            _ => null,
        };
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : throw new InvalidAuditEventException($"\"event_id\" must be a non-negative whole number, not {Shorten(eventId.GetRawText())}.");
    }

    private static DateTimeOffset ReadTime(JsonElement item)
    {
        var (source, time) =
            item.TryGetProperty("created"u8, out var created) ? ("created", created)
            : item.TryGetProperty("message"u8, out var message)
              && message.ValueKind == JsonValueKind.Object
              && message.TryGetProperty("timestamp"u8, out var timestamp) ? ("message.timestamp", timestamp)
            : throw new InvalidAuditEventException("The event has neither \"created\" nor \"message.timestamp\".");

        return time.ValueKind == JsonValueKind.String && Rfc3339.TryParse(time.GetString()!, out var parsed)
            ? parsed.ToUniversalTime()
            : throw new InvalidAuditEventException($"\"{source}\" must be an RFC 3339 time with an offset, not {Shorten(time.GetRawText())}.");
    }

    private static string? Fact(JsonElement parent, ReadOnlySpan<byte> property, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidAuditEventException($"\"{path}\" must be a string, not {Describe(value.ValueKind)}.");
        }
        var text = value.GetString()!;
        return text.Length <= MaxFactLength
            ? text
            : throw new InvalidAuditEventException($"\"{path}\" is {text.Length:N0} characters long, over the {MaxFactLength:N0} allowed.");
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a missing value",
    };

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
