using System.Text.Json;

namespace ComplianceReports.Storage.Connection;

/// <summary>The <c>Values</c> of a Functions app's local.settings.json, as configuration keys.</summary>
public static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    /// <summary>App settings use "__" for nesting, as environment variables do; configuration keys use ":".</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        return values.EnumerateObject()
            .Select(setting => KeyValuePair.Create(
                setting.Name.Replace("__", ":", StringComparison.Ordinal),
                setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText()))
            .ToList();
    }
}
