using System.Globalization;
using System.IO.Compression;
using System.Text;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// <c>evidence.csv.gz</c>: every event of a version's set, one RFC 4180 row each with its raw JSON, in
/// the digest's order, so an auditor can recompute the digest from the file alone.
/// </summary>
public sealed class EvidenceCsv : IAsyncDisposable
{
    public static readonly string[] Columns =
        ["occurredAtUtc", "identity", "code", "name", "category", "outcome", "user", "sourceAddress", "service", "instance", "ingestedAtUtc", "raw"];

    private readonly GZipStream gzip;
    private readonly StreamWriter writer;

    public EvidenceCsv(Stream output)
    {
        gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Columns));
    }

    public Task AddAsync(AuditEvent auditEvent, DateTimeOffset ingestedAt)
    {
        var facts = auditEvent.Facts;
        string?[] fields =
        [
            Utc(auditEvent.OccurredAt),
            auditEvent.Identity,
            auditEvent.Code.ToString(CultureInfo.InvariantCulture),
            PrivXCatalog.Find(auditEvent.Code)?.Name,
            facts.Category,
            facts.Outcome?.ToString().ToLowerInvariant(),
            facts.User,
            facts.SourceAddress,
            facts.Service,
            facts.Instance,
            Utc(ingestedAt),
            auditEvent.RawJson,
        ];
        return writer.WriteLineAsync(string.Join(',', fields.Select(Quote)));
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        await gzip.DisposeAsync();
    }

    /// <summary>The digest's own time format, so rows and digest lines match character for character.</summary>
    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static string Quote(string? field) =>
        field is null ? string.Empty
        : field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field
        : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
