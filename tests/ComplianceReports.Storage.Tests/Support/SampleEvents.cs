using System.Security.Cryptography;
using System.Text;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Storage.Tests;

/// <summary>Audit events for the store tests, each with an identity of its own.</summary>
internal static class SampleEvents
{
    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>An event at <paramref name="utc"/>; <paramref name="tag"/> makes it distinct, <paramref name="padding"/> makes it large.</summary>
    public static AuditEvent At(DateTimeOffset utc, string tag = "a", int code = 301, int padding = 0)
    {
        var raw = $"{{\"event_id\":\"{code}\",\"created\":\"{utc:yyyy-MM-ddTHH:mm:ss.fffffffZ}\",\"tag\":\"{tag}\",\"pad\":\"{new string('x', padding)}\"}}";
        return new AuditEvent(utc, code, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw))), raw);
    }

    /// <summary><paramref name="count"/> distinct events spread over one UTC day, in time order.</summary>
    public static List<AuditEvent> OneDay(DateTimeOffset day, int count, string tag = "d", int padding = 0) =>
        Enumerable.Range(0, count).Select(i => At(day.AddSeconds(i * 7 + 1), $"{tag}{i}", padding: padding)).ToList();
}
