using System.Globalization;
using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>
/// The digest scheme recomputed from its documented rules alone, without the domain's digest code: a
/// digest line is <c>occurredAtUtc TAB identity TAB factsSha256 LF</c>; a day's digest is SHA-256 over
/// its lines in set order (UTC time, then identity); the version digest is SHA-256 over
/// <c>yyyy-MM-dd TAB count TAB day-digest LF</c> for every day of the month in the report's zone, a day
/// without events having the SHA-256 of no bytes.
/// </summary>
internal static class DigestScheme
{
    public const string OfNoBytes = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public sealed record Day(DateOnly Date, long Count, string Digest);

    /// <summary>SHA-256 over code, name, category, outcome, finding, controls, object, details, user, sourceAddress, service, instance, catalogVersion.</summary>
    public static string FactsSha256(int code, EventFacts facts)
    {
        string?[] values =
        [
            code.ToString(CultureInfo.InvariantCulture), facts.Name, facts.Category, facts.Outcome?.ToString().ToLowerInvariant(),
            facts.Finding ? "true" : "false", facts.Controls, facts.Object, facts.Details, facts.User, facts.SourceAddress,
            facts.Service, facts.Instance, facts.CatalogVersion,
        ];
        return Sha256Hex(string.Join('\t', values.Select(Escape)));
    }

    public static string UtcText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Line(AuditEvent auditEvent) =>
        $"{UtcText(auditEvent.OccurredAt)}\t{auditEvent.Identity}\t{FactsSha256(auditEvent.Code, auditEvent.Facts)}\n";

    /// <summary>Every day of <paramref name="year"/>-<paramref name="month"/> in <paramref name="zone"/> and the version digest, over the events that fall in it.</summary>
    public static (IReadOnlyList<Day> Days, string Digest) Of(int year, int month, TimeZoneInfo zone, IEnumerable<AuditEvent> events)
    {
        var byDay = events
            .Select(auditEvent => (Event: auditEvent, Local: TimeZoneInfo.ConvertTime(auditEvent.OccurredAt, zone)))
            .Where(pair => pair.Local.Year == year && pair.Local.Month == month)
            .GroupBy(pair => DateOnly.FromDateTime(pair.Local.DateTime), pair => pair.Event)
            .ToDictionary(group => group.Key, group => group.OrderBy(e => e.OccurredAt.UtcTicks).ThenBy(e => e.Identity, StringComparer.Ordinal).ToList());
        var days = Enumerable.Range(1, DateTime.DaysInMonth(year, month))
            .Select(number => new DateOnly(year, month, number))
            .Select(date => byDay.TryGetValue(date, out var onDay)
                ? new Day(date, onDay.Count, Sha256Hex(string.Concat(onDay.Select(Line))))
                : new Day(date, 0, OfNoBytes))
            .ToList();
        return (days, Sha256Hex(string.Concat(days.Select(DayLine))));
    }

    public static string DayLine(Day day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Date:yyyy'-'MM'-'dd}\t{day.Count}\t{day.Digest}\n");

    private static string Escape(string? value) =>
        value is null ? "" : value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
}
