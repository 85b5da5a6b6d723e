using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

/// <summary>
/// Writes JSON with object keys sorted by UTF-16 code unit and no insignificant whitespace, so that
/// two exports of one event that differ only in key order or formatting hash the same.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Escaping only what JSON requires keeps non-ASCII user names byte-identical across producers.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static byte[] ToUtf8Bytes(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(element, writer);
        }
        return buffer.ToArray();
    }

    public static string ToText(JsonElement element) => Encoding.UTF8.GetString(ToUtf8Bytes(element));

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
