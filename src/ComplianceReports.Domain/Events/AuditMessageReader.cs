using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Contracts;

namespace ComplianceReports.Domain.Events;

/// <summary>
/// Reads every shape a queue message may take: one PrivX item, an array of items, a REST page
/// <c>{"count":N,"items":[...]}</c>, NDJSON (one item a line), or an envelope
/// <c>{"batchId":"...","events":[...]}</c> / <c>{"batchId":"...","blob":"name"}</c>. It never throws on
/// input: each item is read or refused with a reason, and a message that is not JSON at all is
/// refused whole.
/// </summary>
public static class AuditMessageReader
{
    public const string WholeMessage = "the message";

    public static AuditMessage Read(string body)
    {
        // Editors on some systems start files with a byte-order mark; it is not part of the JSON.
        var text = body.TrimStart('\uFEFF');
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonNesting.DocumentOptions);
        }
        catch (JsonException e)
        {
            return ReadNdjson(text) ?? Refused($"The message is not JSON: {e.Message}", body);
        }
        catch (ArgumentException e)
        {
            // A lone surrogate in the string itself: no UTF-8 message decodes to one, but the text is still refused, not thrown.
            return Refused($"The message is not valid Unicode text: {e.Message}", body);
        }

        using (document)
        {
            try
            {
                return ReadRoot(document.RootElement, text);
            }
            catch (InvalidOperationException e)
            {
                // An escaped lone surrogate in a property name, "batchId" or "blob": JSON allows it, .NET strings cannot hold it.
                return Refused($"The message holds text that is not valid Unicode: {e.Message}", body);
            }
        }
    }

    private static AuditMessage ReadRoot(JsonElement root, string body)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return new AuditMessage(null, null, ReadArray(root, body, path: null));
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Refused($"The message is {PrivXEventParser.Describe(root.ValueKind)}; expected an event, an array of events, a page or an envelope.", body);
        }
        var envelope = root.TryGetProperty(IngestEnvelope.BatchIdName, out var batchId);
        var page = !envelope && root.TryGetProperty("items", out _);
        if (!envelope && !page)
        {
            return new AuditMessage(null, null, [ReadItem(root, WholeMessage, body)]);
        }
        if (NameTwice(root) is { } twice)
        {
            // Which of two "items" or "batchId" counts would be anyone's guess: refused, as canonical JSON refuses duplicates.
            return Refused($"The property \"{PrivXEventParser.Shorten(twice)}\" appears twice in the message.", body);
        }
        if (envelope)
        {
            return ReadEnvelope(root, batchId, body);
        }
        var items = root.GetProperty("items");
        return items.ValueKind == JsonValueKind.Array
            ? new AuditMessage(null, null, ReadArray(items, body, "items"))
            : Refused("A page's \"items\" must be an array.", body);
    }

    private static string? NameTwice(JsonElement root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return root.EnumerateObject().Select(property => property.Name).FirstOrDefault(name => !names.Add(name));
    }

    /// <summary>Reads one item; whatever is wrong with it becomes the reason it is refused.</summary>
    public static ItemReading ReadItem(JsonElement item, string where, string? originalText = null)
    {
        try
        {
            return new ReadEvent(where, PrivXEventParser.ParseItem(item));
        }
        catch (Exception e) when (e is InvalidAuditEventException or InvalidOperationException)
        {
            // InvalidOperationException: text JSON allows but .NET strings cannot hold, such as a lone surrogate escape.
            return new RejectedItem(where, e.Message, originalText ?? item.GetRawText());
        }
    }

    private static AuditMessage ReadEnvelope(JsonElement root, JsonElement batchId, string body)
    {
        if (batchId.ValueKind != JsonValueKind.String || batchId.GetString() is not { } id || !IngestEnvelope.IsValidBatchId(id))
        {
            return Refused($"\"{IngestEnvelope.BatchIdName}\" must be {IngestEnvelope.BatchIdRule}.", body);
        }
        if (root.TryGetProperty(IngestEnvelope.EventsName, out var events))
        {
            return events.ValueKind == JsonValueKind.Array
                ? new AuditMessage(id, null, ReadArray(events, body, IngestEnvelope.EventsName))
                : Refused("An envelope's \"events\" must be an array.", body, id);
        }
        if (root.TryGetProperty(IngestEnvelope.BlobName, out var blob))
        {
            return blob.ValueKind == JsonValueKind.String && IngestBlobName.IsValid(blob.GetString())
                ? new AuditMessage(id, blob.GetString(), [])
                : Refused($"An envelope's \"blob\" must name a blob in the ingest container: {IngestBlobName.Rule}", body, id);
        }
        return Refused("An envelope needs \"events\" (an array) or \"blob\" (a blob name).", body, id);
    }

    private static List<ItemReading> ReadArray(JsonElement array, string body, string? path)
    {
        var lines = ElementLines(body, path);
        return array.EnumerateArray()
            .Select((item, index) => ReadItem(item, $"item {index + 1} (line {lines[index]})"))
            .ToList();
    }

    /// <summary>
    /// NDJSON when some line is a JSON object on its own, so a bad first line is refused alone; <c>null</c>
    /// otherwise. Lines of a pretty-printed or truncated array never are: objects there span lines or end in a comma.
    /// </summary>
    private static AuditMessage? ReadNdjson(string body)
    {
        var lines = body.Split('\n');
        var first = Array.FindIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        if (first < 0 || lines.Length < 2 || !lines.Any(IsJsonObject))
        {
            return null;
        }
        var items = new List<ItemReading>();
        for (var i = first; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                items.Add(ReadLine(lines[i].TrimEnd('\r'), $"line {i + 1}"));
            }
        }
        return new AuditMessage(null, null, items);
    }

    /// <summary>One NDJSON line: an item, or a refusal that keeps the line.</summary>
    public static ItemReading ReadLine(string line, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(line, JsonNesting.DocumentOptions);
            return ReadItem(document.RootElement, where, line);
        }
        catch (JsonException e)
        {
            return new RejectedItem(where, $"The line is not JSON: {e.Message}", line);
        }
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line, JsonNesting.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The line each element of the array (at the root, or under the root's <paramref name="path"/>) starts on.</summary>
    private static List<int> ElementLines(string body, string? path)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);
        var reader = new Utf8JsonReader(utf8, JsonNesting.ReaderOptions);
        reader.Read();
        if (path is not null)
        {
            while (reader.Read() && !(reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(path)))
            {
                reader.Skip();
            }
            reader.Read();
        }

        var lines = new List<int>();
        var line = 1;
        long counted = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            line += utf8.AsSpan((int)counted, (int)(reader.TokenStartIndex - counted)).Count((byte)'\n');
            counted = reader.TokenStartIndex;
            lines.Add(line);
            reader.Skip();
        }
        return lines;
    }

    private static AuditMessage Refused(string reason, string body, string? batchId = null) =>
        new(batchId, null, [new RejectedItem(WholeMessage, reason, body)]);
}
