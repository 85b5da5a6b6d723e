using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReports.Domain.Contracts;

/// <summary>Writes each event's text as it came, and reads each back as its text.</summary>
internal sealed class RawJsonItemsConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"\"{IngestEnvelope.EventsName}\" must be an array.");
        }
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            using var item = JsonDocument.ParseValue(ref reader);
            items.Add(item.RootElement.GetRawText());
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            // The producer's parser already read each item as JSON; checking it again would cost a parse per event.
            writer.WriteRawValue(item, skipInputValidation: true);
        }
        writer.WriteEndArray();
    }
}
