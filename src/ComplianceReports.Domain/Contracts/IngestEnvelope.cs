using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// What producers put on the <c>audit-events</c> queue so the pipeline writes a receipt for the batch:
/// <c>{"batchId":"...","events":[...]}</c>, or <c>{"batchId":"...","blob":"name"}</c> naming an NDJSON
/// export in the ingest container. Events stay the producer's JSON text, byte for byte: the pipeline
/// keeps what was sent, and re-encoding could outgrow the message budget.
/// </summary>
public sealed partial record IngestEnvelope(
    [property: JsonPropertyName(IngestEnvelope.BatchIdName)] string BatchId,
    [property: JsonPropertyName(IngestEnvelope.EventsName), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(RawJsonItemsConverter))]
    IReadOnlyList<string>? Events = null,
    [property: JsonPropertyName(IngestEnvelope.BlobName), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Blob = null)
{
    public const string BatchIdName = "batchId";
    public const string EventsName = "events";
    public const string BlobName = "blob";

    public const int MaxBatchIdLength = 128;

    public const string BatchIdRule = "a string of up to 128 letters, digits, '.', '_', ':' or '-'";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\z")]
    private static partial Regex BatchIdShape();

    public static bool IsValidBatchId([NotNullWhen(true)] string? batchId) => batchId is not null && BatchIdShape().IsMatch(batchId);

    public string ToJson() => JsonSerializer.Serialize(this, CompactContractJson.Default.IngestEnvelope);

    /// <summary>Reads an envelope; anything else (an event, an array, a page, not JSON) is <c>null</c>.</summary>
    public static IngestEnvelope? TryFromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, CompactContractJson.Default.IngestEnvelope) is { BatchId: not null } envelope ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
