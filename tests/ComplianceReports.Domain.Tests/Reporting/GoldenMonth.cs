using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests;

/// <summary>
/// One fixed, hand-built month of PrivX audit events: October 2026 in Europe/Helsinki (UTC+3 until
/// 2026-10-25T01:00Z, UTC+2 after), read through the real parser, in store order (UTC time, then
/// identity), each with the time it was stored. The golden tests assert every figure of its aggregate
/// against numbers counted by hand from the table below.
/// </summary>
/// <remarks>
/// Labels: E1..E51 are the events of the set (in the period, and in the store when version 1 read it),
/// numbered in time order; X1..X4 are in the store but not in the set: X1 and X2 fall outside the
/// period, X3 and X4 arrived after version 1 read the store. Local times are Helsinki's.
/// Weekdays of October 2026: 1 Thu, 2 Fri, 3 Sat, 4 Sun, 5 Mon, ... 24 Sat, 25 Sun, 26 Mon, 31 Sat.
/// </remarks>
internal static class GoldenMonth
{
    // Declared first: static fields are initialised in order, and the table below needs these.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, string> ServiceIds = new()
    {
        ["auth"] = "1d0f7b2e", ["role-store"] = "4b8e1a90", ["vault"] = "9c3d55f1", ["host-store"] = "7a41c2d9",
        ["ssh-proxy"] = "5f1c0a33", ["monitor-service"] = "e2a6b718", ["secrets-manager"] = "0c7e9d42",
        ["api-proxy"] = "b5d2e8c0", ["rdp-proxy"] = "6a1f3b27", ["workflow-engine"] = "83c4f0d6",
    };

    public static readonly TimeZoneInfo Helsinki = ReportPeriod.FindTimeZone("Europe/Helsinki");

    public static readonly ReportPeriod Period = new(new Month(2026, 10), Helsinki);

    /// <summary>
    /// When version 1 read the store. The set is what that read returned, not a time predicate: the
    /// fixture models the store as it was then by leaving out what was stored later (X3, X4).
    /// </summary>
    public static readonly DateTimeOffset ReadAt = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    public const long Quarantined = 3;

    public static readonly ReportSettings Settings = new(
        "Example Oy", "privx-prod", Helsinki, new TimeOnly(8, 0), new TimeOnly(18, 0), ReportSettings.MondayToFriday);

    /// <summary>
    /// Made-up September figures: system and uncategorized are absent (zero); rdp-proxy and
    /// workflow-engine are silent in October (workflow-engine only on an event that arrived after the read).
    /// </summary>
    public static readonly PeriodFigures Previous = new(
        new Dictionary<string, long>
        {
            ["logins"] = 40, ["secrets"] = 3, ["configuration"] = 9, ["access"] = 0, ["sessions"] = 12,
            ["users"] = 2, ["workflow"] = 1, ["integrity"] = 2,
        },
        ["auth", "rdp-proxy", "ssh-proxy", "vault", "workflow-engine"],
        "its report, version 1");

    /// <summary>One stored event: its label in the table, the UTC time written by hand, and when it was stored.</summary>
    public sealed record Stored(string Label, string UtcText, AuditEvent Event, DateTimeOffset IngestedAt)
    {
        public bool InSet => Label.StartsWith('E');

        public override string ToString() => $"{Label} {UtcText} {Event.Code}";
    }

    private sealed record Entry(string Label, string UtcText, string Json, DateTimeOffset? IngestedAt = null);

    // The 802 event exactly as a pretty-printing exporter writes it: new lines, quotes and commas in the raw text,
    // and "modifications" a JSON document encoded as a string, as PrivX sends it.
    public const string HostModifiedJson = """"
        {
          "service_id": "7a41c2d9",
          "service_name": "host-store",
          "event_id": "802",
          "event_name": "Host-modified",
          "created": "2026-10-05T12:00:00.000Z",
          "message": {
            "SSH-PrivX-service": "host-store",
            "audit-exposure": "SSH-PRIVX-AUDIT",
            "instanceName": "privx-prod",
            "severity": "6",
            "username": "alice",
            "remoteAddress": "10.0.4.17",
            "timestamp": "2026-10-05T12:00:00.000Z",
            "version": "24.0",
            "hostID": "3c9e5d1f",
            "hostName": "db01.example.com",
            "modifications": "{\"addresses\":{\"old\":[\"10.0.5.1\"],\"new\":[\"10.0.5.1\",\"10.0.5.2\"]},\"comment\":\"replica, see \\\"CHG-1042\\\"\"}"
          }
        }
        """";

    /// <summary>The 802 event's <c>modifications</c>, decoded by hand.</summary>
    public const string HostModifications =
        """{"addresses":{"old":["10.0.5.1"],"new":["10.0.5.1","10.0.5.2"]},"comment":"replica, see \"CHG-1042\""}""";

    private static readonly Entry[] Entries =
    [
        // Out of the period: 30 Sep 23:59:59.999 local, the last instant before 1 Oct local (rdp-proxy only here).
        new("X1", "2026-09-30T20:59:59.9990000Z", Item("2026-10-01T02:59:59.999+06:00", "100", "User-logged-in", "rdp-proxy", "alice", "10.0.4.17")),

        // Thu 1 Oct. E1 is the first local instant of the month, written with Helsinki's offset.
        new("E1", "2026-09-30T21:00:00.0000000Z", Item("2026-10-01T00:00:00+03:00", "100", "User-logged-in", "auth", "alice", "10.0.4.17")),
        new("E2", "2026-10-01T05:00:00.0000000Z", Item("2026-10-01T05:00:00.000Z", "100", "User-logged-in", "auth", "bob", "10.0.4.18")),
        new("E3", "2026-10-01T05:00:00.0000000Z", Item("2026-10-01T05:00:00.000Z", "103", "User-MFA-challenge-sent", "auth", "bob", "10.0.4.18")),
        new("E4", "2026-10-01T05:00:30.0000000Z", Item("2026-10-01T05:00:30.000Z", "104", "User-MFA-challenge-accepted", "auth", "bob", "10.0.4.18")),
        new("E5", "2026-10-01T14:59:59.0000000Z", Item("2026-10-01T14:59:59.000Z", "100", "User-logged-in", "auth", "carol", "10.0.4.17")),
        new("E6", "2026-10-01T15:00:00.0000000Z", Item("2026-10-01T15:00:00.000Z", "100", "User-logged-in", "auth", "alice", "10.0.4.17")),

        // Fri 2 Oct.
        new("E7", "2026-10-02T06:10:00.0000000Z", Item("2026-10-02T06:10:00.000Z", "102", "User-login-failed", "auth", "mallory", "203.0.113.9")),
        new("E8", "2026-10-02T06:10:05.0000000Z", Item("2026-10-02T06:10:05.000Z", "102", "User-login-failed", "auth", "mallory", "203.0.113.9")),
        new("E9", "2026-10-02T06:10:10.0000000Z", Item("2026-10-02T06:10:10.000Z", "130", "User-login-attempt-rate-limited", "auth", "mallory", "203.0.113.9")),
        new("E10", "2026-10-02T07:00:00.0000000Z", Item("2026-10-02T07:00:00.000Z", "102", "User-login-failed", "auth", "bob", "10.0.4.18")),
        new("E11", "2026-10-02T07:01:00.0000000Z", Item("2026-10-02T07:01:00.000Z", "100", "User-logged-in", "auth", "bob", "10.0.4.18")),
        new("E12", "2026-10-02T08:00:00.0000000Z", Item("2026-10-02T08:00:00.000Z", "201", "Role-added", "role-store", "alice", "10.0.4.17", ("roleName", "db-admins"))),
        new("E13", "2026-10-02T08:05:00.0000000Z", Item("2026-10-02T08:05:00.000Z", "202", "Role-modified", "role-store", "alice", "10.0.4.17", ("roleName", "db-admins"))),
        new("E14", "2026-10-02T20:59:59.0000000Z", Item("2026-10-02T20:59:59.000Z", "1402", "Secret-accessed", "vault", "carol", "10.0.4.17", ("secretName", "prod/db/root-password"))),

        // Sat 3 Oct: E15 is 23:30 UTC on 2 Oct, 02:30 local on the 3rd.
        new("E15", "2026-10-02T23:30:00.0000000Z", Item("2026-10-02T23:30:00.000Z", "102", "User-login-failed", "auth", "dave", "198.51.100.23")),
        new("E16", "2026-10-03T07:00:00.0000000Z", Item("2026-10-03T07:00:00.000Z", "100", "User-logged-in", "auth", "dave", "198.51.100.23")),

        // Mon 5 Oct.
        new("E17", "2026-10-05T06:00:00.0000000Z", Item("2026-10-05T06:00:00.000Z", "230", "AWS-token-granted", "vault", "erin", "10.0.4.19", ("name", "aws-prod-admin"))),
        new("E18", "2026-10-05T06:30:00.0000000Z", Item("2026-10-05T06:30:00.000Z", "260", "Authorized-key-added", "role-store", "erin", "10.0.4.19", ("name", "erin@laptop"))),
        new("E19", "2026-10-05T12:00:00.0000000Z", HostModifiedJson),

        // Tue 6 Oct.
        new("E20", "2026-10-06T09:15:00.0000000Z", Item("2026-10-06T09:15:00.000Z", "301", "Connection-authenticated", "ssh-proxy", "alice", "10.0.4.17", ("hostAddress", "db01.example.com:22"), ("targetUsername", "root"))),
        new("E21", "2026-10-06T10:15:00.0000000Z", Item("2026-10-06T10:15:00.000Z", "303", "Connection-closed", "ssh-proxy", "alice", "10.0.4.17", ("hostAddress", "db01.example.com:22"), ("targetUsername", "root"))),
        new("E22", "2026-10-06T11:00:00.0000000Z", Item("2026-10-06T11:00:00.000Z", "1701", "Secrets-manager-secret-read", "secrets-manager", "bob")),

        // Thu 8 Oct.
        new("E23", "2026-10-08T04:59:59.0000000Z", Item("2026-10-08T04:59:59.000Z", "100", "User-logged-in", "auth", "carol", "10.0.4.17")),
        new("E24", "2026-10-08T05:10:00.0000000Z", Item("2026-10-08T05:10:00.000Z", "111", "User-access-token-refresh-failed", "auth", "carol", "10.0.4.17")),
        new("E25", "2026-10-08T05:20:00.0000000Z", Item("2026-10-08T05:20:00.000Z", "122", "OAuth-client-authentication-failed", "auth", null, "10.0.9.5", ("clientName", "ci-runner"))),

        // Mon 12 Oct.
        new("E26", "2026-10-12T07:00:00.0000000Z", Item("2026-10-12T07:00:00.000Z", "213", "Directory-authentication-failed", "role-store", null, null, ("directoryName", "corp-ad"))),
        new("E27", "2026-10-12T08:00:00.0000000Z", Item("2026-10-12T08:00:00.000Z", "1403", "Secret-changed", "vault", "alice", "10.0.4.17", ("secretName", "prod/db/root-password"))),
        new("E28", "2026-10-12T08:30:00.0000000Z", Item("2026-10-12T08:30:00.000Z", "261", "Authorized-key-modified", "role-store", "erin", "10.0.4.19", ("name", "erin@laptop"))),

        // Wed 14 Oct.
        new("E29", "2026-10-14T13:00:00.0000000Z", Item("2026-10-14T13:00:00.000Z", "12", "Service-stopped", "monitor-service")),
        new("E30", "2026-10-14T13:05:00.0000000Z", Item("2026-10-14T13:05:00.000Z", "10", "Service-starting", "monitor-service")),
        new("E31", "2026-10-14T13:06:00.0000000Z", Item("2026-10-14T13:06:00.000Z", "1000", "Trail-opened", "ssh-proxy")),
        new("E32", "2026-10-14T13:10:00.0000000Z", Item("2026-10-14T13:10:00.000Z", "1006", "Trail-file-integrity-failed", "ssh-proxy", null, null, ("reason", "checksum mismatch, trail 8d2a"))),

        // Fri 16 Oct.
        new("E33", "2026-10-16T10:00:00.0000000Z", Item("2026-10-16T10:00:00.000Z", "250", "RoleContext-usage-alert", "role-store", "dave", "198.51.100.23", ("roleName", "db-admins"), ("reason", "source address outside the role's networks"))),
        new("E34", "2026-10-16T10:05:00.0000000Z", Item("2026-10-16T10:05:00.000Z", "102", "User-login-failed", "auth", "mallory", "203.0.113.9")),
        new("E35", "2026-10-16T10:05:01.0000000Z", Item("2026-10-16T10:05:01.000Z", "102", "User-login-failed", "auth", "erin")),
        new("E36", "2026-10-16T10:06:00.0000000Z", Item("2026-10-16T10:06:00.000Z", "100", "User-logged-in", "auth", "erin", "10.0.4.19")),

        // Mon 19 Oct.
        new("E37", "2026-10-19T05:59:00.0000000Z", Item("2026-10-19T05:59:00.000Z", "103", "User-MFA-challenge-sent", "auth", "erin", "10.0.4.19")),
        new("E38", "2026-10-19T06:00:00.0000000Z", Item("2026-10-19T06:00:00.000Z", "100", "User-logged-in", "auth", "erin", "10.0.4.19")),
        new("E39", "2026-10-19T06:05:00.0000000Z", Item("2026-10-19T06:05:00.000Z", "1400", "Secret-created", "vault", "erin", "10.0.4.19", ("secretName", "ci/deploy-token"))),

        // Tue 20 Oct, Wed 21 Oct.
        new("E40", "2026-10-20T09:00:00.0000000Z", Item("2026-10-20T09:00:00.000Z", "203", "Role-removed", "role-store", "alice", "10.0.4.17", ("roleName", "legacy-ops"))),
        new("E41", "2026-10-21T18:00:00.0000000Z", Item("2026-10-21T18:00:00.000Z", "100", "User-logged-in", "auth", "alice", "10.0.4.17")),
        new("E42", "2026-10-21T18:10:00.0000000Z", Item("2026-10-21T18:10:00.000Z", "1401", "Secret-removed", "vault", "alice", "10.0.4.17", ("secretName", "ci/deploy-token"))),

        // Thu 22 Oct: only an event stored after version 1 read the store (by one tick), so the day has no events.
        new("X3", "2026-10-22T10:00:00.0000000Z", Item("2026-10-22T10:00:00.000Z", "102", "User-login-failed", "auth", "mallory", "203.0.113.9"), T("2026-11-01T02:00:00.0000001Z")),

        // Sun 25 Oct, the DST change at 01:00 UTC: both are 03:30 local, once in EEST and once in EET.
        new("E43", "2026-10-25T00:30:00.0000000Z", Item("2026-10-25T00:30:00.000Z", "100", "User-logged-in", "auth", "dave", "198.51.100.23")),
        new("E44", "2026-10-25T01:30:00.0000000Z", Item("2026-10-25T01:30:00.000Z", "100", "User-logged-in", "auth", "dave", "198.51.100.23")),

        // Mon 26 Oct, UTC+2: E45 is 07:30 local (off-hours; 08:30 at UTC+3), E46 17:30 (working; 18:30 at UTC+3).
        new("E45", "2026-10-26T05:30:00.0000000Z", Item("2026-10-26T05:30:00.000Z", "100", "User-logged-in", "auth", "bob", "10.0.4.18")),
        new("E46", "2026-10-26T15:30:00.0000000Z", Item("2026-10-26T15:30:00.000Z", "100", "User-logged-in", "auth", "carol", "10.0.4.17")),

        // Tue 27 Oct, Wed 28 Oct, Thu 29 Oct.
        new("E47", "2026-10-27T10:00:00.0000000Z", Item("2026-10-27T10:00:00.000Z", "2301", "API-proxy-request-denied", "api-proxy", "erin", "10.0.4.19")),
        new("E48", "2026-10-27T10:30:00.0000000Z", Item("2026-10-27T10:30:00.000Z", "262", "Authorized-key-removed", "role-store", "erin", "10.0.4.19")),
        new("E49", "2026-10-28T07:00:00.0000000Z", Item("2026-10-28T07:00:00.000Z", "301", "Connection-authenticated", "ssh-proxy", "bob", "10.0.4.18", ("hostAddress", "app01.example.com:22"))),
        new("X4", "2026-10-28T12:00:00.0000000Z", Item("2026-10-28T12:00:00.000Z", "1400", "Secret-created", "workflow-engine", "carol", "10.0.4.17", ("secretName", "shadow/secret")),
            new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero)),
        new("E50", "2026-10-29T03:00:00.0000000Z", Item("2026-10-29T03:00:00.000Z", "1101", "Config-checksum-changed", "monitor-service", null, null, ("path", "/opt/privx/etc/shared-config.toml"))),

        // Sat 31 Oct: E51 is the last local instant of the month, stored exactly when version 1 read; X2 is 1 Nov 00:00 local.
        new("E51", "2026-10-31T21:59:59.9999999Z", Item("2026-10-31T23:59:59.9999999+02:00", "100", "User-logged-in", "auth", "bob", "10.0.4.18"), T("2026-11-01T02:00:00Z")),
        new("X2", "2026-10-31T22:00:00.0000000Z", Item("2026-11-01T00:00:00+02:00", "100", "User-logged-in", "auth", "bob", "10.0.4.18")),
    ];

    /// <summary>Every stored event in store order: UTC time, then identity (ordinal).</summary>
    public static IReadOnlyList<Stored> Store { get; } = Build();

    /// <summary>What version 1 read: the store as it was at <see cref="ReadAt"/>, in store order.</summary>
    public static IReadOnlyList<Stored> Read { get; } = Store.Where(stored => stored.IngestedAt <= ReadAt).ToList();

    /// <summary>The events of the set (E1..E51), in store order.</summary>
    public static IReadOnlyList<Stored> InSet { get; } = Store.Where(stored => stored.InSet).ToList();

    /// <summary>The aggregate of the golden month with the golden settings.</summary>
    public static MonthlyAggregate Aggregate { get; } = AggregateWith(Settings);

    public static Stored Get(string label) => Store.Single(stored => stored.Label == label);

    /// <summary>The set of what version 1 read, with the given settings.</summary>
    public static EventSet SetWith(ReportSettings settings)
    {
        var set = new EventSet(Period, settings);
        foreach (var stored in Read)
        {
            set.Add(stored.Event, stored.IngestedAt, stored.Event.Identity);
        }
        return set;
    }

    public static MonthlyAggregate AggregateWith(ReportSettings settings)
    {
        using var set = SetWith(settings);
        return set.Complete(Previous, Quarantined);
    }

    /// <summary>The evidence rows of version 1's set, in set order.</summary>
    public static IReadOnlyList<EvidenceRow> Rows { get; } =
        [.. Read.Select(stored => EvidenceRow.From(stored.Event, stored.IngestedAt, Period.LocalDay(stored.Event.OccurredAt))).Where(row => Period.Contains(row.OccurredAt))];

    public static DateTimeOffset T(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    /// <summary>Every local day of October 2026 with the given counts on the given days and zero elsewhere.</summary>
    public static List<DailyCount> October(params (int Day, long Count)[] counts) =>
        Enumerable.Range(1, 31)
            .Select(day => new DailyCount(new DateOnly(2026, 10, day), counts.Where(c => c.Day == day).Sum(c => c.Count)))
            .ToList();

    private static List<Stored> Build()
    {
        // One REST page, as PrivX's monitor service returns it, read by the pipeline's own reader.
        var page = $"{{\"count\":{Entries.Length},\"items\":[\n{string.Join(",\n", Entries.Select(entry => entry.Json))}\n]}}";
        var message = AuditMessageReader.Read(page);
        if (message.Rejected.Any())
        {
            throw new InvalidOperationException("A golden item was refused: " + string.Join("; ", message.Rejected.Select(r => $"{r.Where}: {r.Reason}")));
        }
        var events = message.Events.ToList();
        if (events.Count != Entries.Length)
        {
            throw new InvalidOperationException($"Read {events.Count} events of {Entries.Length}.");
        }
        var stored = Entries.Zip(events, (entry, auditEvent) =>
        {
            var parsedUtc = auditEvent.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
            if (parsedUtc != entry.UtcText)
            {
                throw new InvalidOperationException($"{entry.Label}: written as {entry.UtcText}, read as {parsedUtc}.");
            }
            return new Stored(entry.Label, entry.UtcText, auditEvent, entry.IngestedAt ?? auditEvent.OccurredAt.AddSeconds(2));
        });
        var sorted = stored.OrderBy(s => s.Event.OccurredAt).ThenBy(s => s.Event.Identity, StringComparer.Ordinal).ToList();
        if (sorted.Select(s => s.Event.Identity).Distinct().Count() != sorted.Count)
        {
            throw new InvalidOperationException("Two golden items have the same identity.");
        }
        return sorted;
    }

    /// <summary>A PrivX item as the monitor service exports it; <c>created</c> is also the message's timestamp.</summary>
    private static string Item(
        string created, string code, string eventName, string service, string? user = null, string? address = null,
        params (string Name, string Value)[] fields)
    {
        var message = new JsonObject
        {
            ["SSH-PrivX-service"] = service,
            ["audit-exposure"] = "SSH-PRIVX-AUDIT",
            ["instanceName"] = "privx-prod",
            ["severity"] = "6",
        };
        if (user is not null)
        {
            message["username"] = user;
        }
        if (address is not null)
        {
            message["remoteAddress"] = address;
        }
        message["timestamp"] = created;
        message["version"] = "24.0";
        foreach (var (name, value) in fields)
        {
            message[name] = value;
        }
        var item = new JsonObject
        {
            ["service_id"] = ServiceIds[service],
            ["service_name"] = service,
            ["event_id"] = code,
            ["event_name"] = eventName,
            ["created"] = created,
            ["message"] = message,
        };
        return item.ToJsonString(Compact);
    }
}
