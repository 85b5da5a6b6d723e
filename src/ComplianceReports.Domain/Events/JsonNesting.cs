using System.Text;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

/// <summary>
/// How deep JSON may nest. Messages and exports are read as deep as their text goes (their size bounds
/// it, and the readers keep a stack, not a call chain), so one deep item is refused on its own rather
/// than its whole message; an item itself may nest only <see cref="MaxItemDepth"/> levels, because
/// canonical JSON walks it recursively.
/// </summary>
public static class JsonNesting
{
    /// <summary>The System.Text.Json default: deeper than any PrivX event.</summary>
    public const int MaxItemDepth = 64;

    /// <summary>More levels than a message or an export's longest item can hold.</summary>
    private const int UnboundedDepth = 4 * PrivXEventParser.MaxItemBytes;

    public static JsonDocumentOptions DocumentOptions => new() { MaxDepth = UnboundedDepth };

    public static JsonReaderOptions ReaderOptions => new() { MaxDepth = UnboundedDepth };

    /// <summary>The levels of objects and arrays in <paramref name="json"/>, counted without recursion: <c>{}</c> is 1.</summary>
    public static int DepthOf(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), ReaderOptions);
        var depth = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth = Math.Max(depth, reader.CurrentDepth + 1);
            }
        }
        return depth;
    }
}
