using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.EventSets;

/// <summary>
/// One event of a version's set as the evidence file holds it: the day of the report's zone it counts
/// in, its UTC time, its identity re-derived from the raw item, a hash of its stored facts, the facts
/// themselves and the raw item. Its digest line is what the day digest covers.
/// </summary>
public sealed record EvidenceRow(
    DateOnly Day,
    DateTimeOffset OccurredAt,
    string Identity,
    string FactsSha256,
    int Code,
    EventFacts Facts,
    DateTimeOffset IngestedAt,
    string Raw)
{
    /// <summary>The time format of digest lines and the evidence file, character for character.</summary>
    public const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    /// <summary>The row of a stored event; the identity comes from its raw item, never from a column beside it.</summary>
    public static EvidenceRow From(AuditEvent auditEvent, DateTimeOffset ingestedAt, DateOnly day) =>
        new(
            day,
            auditEvent.OccurredAt,
            EventIdentity.OfRaw(auditEvent.RawJson) ?? throw new EventSetIntegrityException(
                $"the stored event at {Utc(auditEvent.OccurredAt)} with identity {auditEvent.Identity} holds raw text that is not JSON"),
            FactsHash.Of(auditEvent.Code, auditEvent.Facts),
            auditEvent.Code,
            auditEvent.Facts,
            ingestedAt,
            auditEvent.RawJson);

    /// <summary><c>time TAB identity TAB facts-hash LF</c>: what the day digest hashes, in set order.</summary>
    public string DigestLine => string.Create(CultureInfo.InvariantCulture, $"{Utc(OccurredAt)}\t{Identity}\t{FactsSha256}\n");

    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Set order: UTC time, then identity (ordinal), as the store's keys sort.</summary>
    public static int Compare(DateTimeOffset timeA, string identityA, DateTimeOffset timeB, string identityB)
    {
        var byTime = timeA.UtcTicks.CompareTo(timeB.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(identityA, identityB);
    }
}

/// <summary>
/// SHA-256 over an event's stored facts: the fields in <see cref="Fields"/> order, each with <c>\</c>,
/// TAB, LF and CR escaped as <c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\r</c> and a missing value as
/// empty, joined by TAB, UTF-8. The evidence file's columns of the same names give it back, so a
/// script recomputes it from the file alone.
/// </summary>
public static class FactsHash
{
    public static readonly IReadOnlyList<string> Fields =
        ["code", "name", "category", "outcome", "finding", "controls", "object", "details", "user", "sourceAddress", "service", "instance", "catalogVersion"];

    public static string Of(int code, EventFacts facts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\t', Values(code, facts).Select(Escape)))));

    /// <summary>The facts as text, in <see cref="Fields"/> order, as the evidence file writes them.</summary>
    public static IReadOnlyList<string?> Values(int code, EventFacts facts) =>
    [
        code.ToString(CultureInfo.InvariantCulture),
        facts.Name,
        facts.Category,
        OutcomeText(facts.Outcome),
        facts.Finding ? "true" : "false",
        facts.Controls,
        facts.Object,
        facts.Details,
        facts.User,
        facts.SourceAddress,
        facts.Service,
        facts.Instance,
        facts.CatalogVersion,
    ];

    public static string? OutcomeText(EventOutcome? outcome) => outcome?.ToString().ToLowerInvariant();

    private static string Escape(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny('\\', '\t', '\n') < 0 && !value.Contains('\r') ? value
        : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}

/// <summary>The store no longer holds what it stored: generation refuses to sign a report over it.</summary>
public sealed class EventSetIntegrityException(string message) : Exception(message);
