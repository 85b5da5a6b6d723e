namespace ComplianceReports.Domain.Events;

/// <summary>
/// A blob name an envelope may reference: a plain name inside the ingest container, never a URL or a
/// path that climbs out of it, so a message can make the pipeline read no other blob.
/// </summary>
public static class IngestBlobName
{
    public const string Rule = "a relative name of up to 1,024 characters, without '..', '\\', '?', '#', a URL or a leading '/'.";

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 1024 }
        && !name.StartsWith('/')
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Contains("://", StringComparison.Ordinal)
        && name.IndexOfAny(['\\', '?', '#']) < 0
        && !name.Any(char.IsControl);
}
