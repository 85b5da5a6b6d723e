using System.Globalization;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

/// <summary>
/// Reads PrivX audit events in the shapes PrivX and producers send: one item, an array of items,
/// or a REST page <c>{"count":N,"items":[...]}</c>.
/// </summary>
public static class PrivXEventParser
{
    public static IReadOnlyList<AuditEvent> ParseMessage(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidAuditEventException($"The message is not JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => ParseItems(root),
                JsonValueKind.Object when root.TryGetProperty("items", out var items) => ParsePage(items),
                JsonValueKind.Object => [ParseItem(root)],
                _ => throw new InvalidAuditEventException(
                    $"The message is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected an event, an array of events or a page with \"items\"."),
            };
        }
    }

    public static AuditEvent ParseItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidAuditEventException($"An event must be a JSON object, not a {item.ValueKind.ToString().ToLowerInvariant()}.");
        }

        return new AuditEvent(ReadTime(item), ReadCode(item), EventIdentity.Of(item), item.GetRawText());
    }

    private static IReadOnlyList<AuditEvent> ParsePage(JsonElement items) =>
        items.ValueKind == JsonValueKind.Array
            ? ParseItems(items)
            : throw new InvalidAuditEventException("A page's \"items\" must be an array.");

    private static IReadOnlyList<AuditEvent> ParseItems(JsonElement array)
    {
        var events = new List<AuditEvent>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            try
            {
                events.Add(ParseItem(item));
            }
            catch (InvalidAuditEventException e)
            {
                throw new InvalidAuditEventException($"Item {index}: {e.Message}", e);
            }
            index++;
        }
        return events;
    }

    private static int ReadCode(JsonElement item)
    {
        if (!item.TryGetProperty("event_id", out var eventId))
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
            : throw new InvalidAuditEventException($"\"event_id\" must be a non-negative whole number, not {eventId.GetRawText()}.");
    }

    private static DateTimeOffset ReadTime(JsonElement item)
    {
        var (source, time) =
            item.TryGetProperty("created", out var created) ? ("created", created)
            : item.TryGetProperty("message", out var message)
              && message.ValueKind == JsonValueKind.Object
              && message.TryGetProperty("timestamp", out var timestamp) ? ("message.timestamp", timestamp)
            : throw new InvalidAuditEventException("The event has neither \"created\" nor \"message.timestamp\".");

        return time.ValueKind == JsonValueKind.String && Rfc3339.TryParse(time.GetString()!, out var parsed)
            ? parsed.ToUniversalTime()
            : throw new InvalidAuditEventException($"\"{source}\" must be an RFC 3339 time with an offset, not {time.GetRawText()}.");
    }
}
