using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Cli.Simulation;

/// <summary>
/// A month of plausible PrivX v24 audit traffic, for demos and benchmarks: mostly proxied sessions and
/// logins in working hours, failed logins concentrated on a few users and source addresses, occasional
/// secrets and configuration changes, rare findings and a few codes later PrivX versions send. The same
/// month, count and seed give byte-identical items, in time order, one JSON object each.
/// </summary>
public static class PrivXTrafficSimulator
{
    /// <summary>The share of each kind of traffic, in per mille; the test of the mix holds the generator to these.</summary>
    public static IReadOnlyList<(TrafficKind Kind, int PerMille)> Mix { get; } =
    [
        (TrafficKind.Session, 480),
        (TrafficKind.Login, 330),
        (TrafficKind.FailedLogin, 40),
        (TrafficKind.Secret, 40),
        (TrafficKind.ConfigurationChange, 40),
        (TrafficKind.Other, 62),
        (TrafficKind.Finding, 4),
        (TrafficKind.UnknownCode, 4),
    ];

    private const string Instance = "privx-prod";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Users =
    [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "ken", "laura", "mike", "nina",
        "oscar", "peggy", "quentin", "rupert", "sybil", "trent", "ursula", "victor", "walter", "xena", "yusuf", "zoe",
    ];

    /// <summary>The few accounts most failed logins come from: a forgotten service account, guessed names.</summary>
    private static readonly string[] FailingUsers = ["svc-backup", "admin", "mallory"];

    private static readonly string[] FailingAddresses = ["203.0.113.47", "198.51.100.23", "10.0.9.66"];

    private static readonly string[] SshHosts =
    [
        "db01.example.com:22", "db02.example.com:22", "web01.example.com:22", "web02.example.com:22", "jump01.example.com:22", "k8s-master.example.com:22",
    ];

    private static readonly string[] RdpHosts = ["ad01.example.com:3389", "files01.example.com:3389"];

    private static readonly string[] SshAccounts = ["root", "ubuntu", "ec2-user", "deploy", "postgres"];

    private static readonly string[] RdpAccounts = ["Administrator", "svc-backup"];

    private static readonly string[] Secrets = ["db/prod/postgres", "aws/prod/deploy-key", "ad/svc-backup", "tls/web01", "api/payments-gateway"];

    private static readonly int[] SessionCodes = [300, 301, 303, 305, 310, 311, 320, 321, 324, 333, 900];
    private static readonly int[] SessionWeights = [20, 20, 20, 8, 12, 12, 3, 3, 6, 1, 1];
    private static readonly int[] LoginCodes = [100, 103, 104, 106, 110, 121, 520];
    private static readonly int[] LoginWeights = [40, 10, 10, 15, 15, 5, 5];
    private static readonly int[] FailedLoginCodes = [102, 111, 122, 130, 213, 302, 312, 521];
    private static readonly int[] FailedLoginWeights = [50, 5, 3, 8, 4, 12, 8, 10];
    private static readonly int[] SecretCodes = [1402, 1400, 1403, 1404, 1401, 510, 407, 230, 260];
    private static readonly int[] SecretWeights = [40, 8, 10, 6, 3, 10, 8, 10, 5];
    private static readonly int[] ConfigurationCodes = [202, 211, 233, 421, 425, 451, 501, 601, 631, 802, 806, 1501];
    private static readonly int[] OtherCodes = [400, 401, 402, 404, 220, 910, 911, 610, 620, 630, 1000, 1007, 1203, 1207, 700, 804, 328, 329];

    /// <summary>Codes of PrivX versions after v24 (the catalog's unknown codes), as such a deployment sends them.</summary>
    private static readonly int[] UnknownCodes = [1601, 1702, 2004, 2210];

    private static readonly int[] FindingCodes = PrivXCatalog.Entries.Where(entry => entry.Finding).Select(entry => entry.Code).ToArray();

    /// <summary>Per hour of the (UTC) day: office hours carry most of the traffic, nights a trickle.</summary>
    private static readonly int[] HourWeights = [1, 1, 1, 1, 1, 2, 4, 10, 24, 30, 30, 28, 22, 28, 30, 28, 24, 14, 6, 4, 3, 2, 1, 1];

    public enum TrafficKind
    {
        Session,
        Login,
        FailedLogin,
        Secret,
        ConfigurationChange,
        Other,
        Finding,
        UnknownCode,
    }

    /// <summary><paramref name="count"/> items in <paramref name="month"/>, in time order, each one compact PrivX audit item.</summary>
    public static IEnumerable<string> Generate(Month month, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var times = Times(month, count, random);
        var kindWeights = Mix.Select(entry => entry.PerMille).ToArray();
        for (var index = 0; index < times.Length; index++)
        {
            var kind = Mix[Pick(random, kindWeights)].Kind;
            yield return Item(kind, times[index], index, random);
        }
    }

    /// <summary>The kind of traffic a catalog code stands for here, for checking a generated mix.</summary>
    public static TrafficKind KindOf(int code) =>
        SessionCodes.Contains(code) ? TrafficKind.Session
        : LoginCodes.Contains(code) ? TrafficKind.Login
        : FailedLoginCodes.Contains(code) ? TrafficKind.FailedLogin
        : SecretCodes.Contains(code) ? TrafficKind.Secret
        : ConfigurationCodes.Contains(code) ? TrafficKind.ConfigurationChange
        : OtherCodes.Contains(code) ? TrafficKind.Other
        : FindingCodes.Contains(code) ? TrafficKind.Finding
        : TrafficKind.UnknownCode;

    private static DateTimeOffset[] Times(Month month, int count, Random random)
    {
        var days = (int)(month.EndUtc - month.StartUtc).TotalDays;
        // Weekdays carry five times a weekend day's traffic.
        var dayWeights = Enumerable.Range(0, days)
            .Select(day => month.StartUtc.AddDays(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 5)
            .ToArray();
        var times = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            var day = Pick(random, dayWeights);
            var hour = Pick(random, HourWeights);
            var millisecond = random.Next(3_600_000);
            times[i] = month.StartUtc.AddDays(day).AddHours(hour).AddMilliseconds(millisecond);
        }
        Array.Sort(times);
        return times;
    }

    private static string Item(TrafficKind kind, DateTimeOffset at, int index, Random random)
    {
        var failing = kind == TrafficKind.FailedLogin && random.Next(10) < 7;
        var user = failing ? FailingUsers[random.Next(FailingUsers.Length)] : Users[Skewed(random, Users.Length)];
        var address = failing ? FailingAddresses[random.Next(FailingAddresses.Length)] : $"10.0.{random.Next(1, 8)}.{random.Next(10, 250)}";
        var code = kind switch
        {
            TrafficKind.Session => SessionCodes[Pick(random, SessionWeights)],
            TrafficKind.Login => LoginCodes[Pick(random, LoginWeights)],
            TrafficKind.FailedLogin => FailedLoginCodes[Pick(random, FailedLoginWeights)],
            TrafficKind.Secret => SecretCodes[Pick(random, SecretWeights)],
            TrafficKind.ConfigurationChange => ConfigurationCodes[random.Next(ConfigurationCodes.Length)],
            TrafficKind.Other => OtherCodes[random.Next(OtherCodes.Length)],
            TrafficKind.Finding => FindingCodes[random.Next(FindingCodes.Length)],
            _ => UnknownCodes[random.Next(UnknownCodes.Length)],
        };
        var entry = PrivXCatalog.Entries.FirstOrDefault(e => e.Code == code);
        // One proxied connection in five is RDP, to the Windows hosts.
        var service = ServiceOf(code) is "ssh-proxy" && random.Next(5) == 0 ? "rdp-proxy" : ServiceOf(code);
        var timestamp = at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("service_id", $"5f1c{StableHex(service, 4)}-0000-4000-8000-00000000{StableHex(service, 4)}");
            json.WriteString("service_name", service);
            json.WriteString("event_id", code.ToString(CultureInfo.InvariantCulture));
            if (entry is not null)
            {
                json.WriteString("event_name", entry.Name);
            }
            json.WriteString("created", timestamp);
            json.WriteStartObject("message");
            json.WriteString("SSH-PrivX-service", service);
            json.WriteString("audit-exposure", "SSH-PRIVX-AUDIT");
            json.WriteString("instanceName", Instance);
            json.WriteString("severity", entry?.Outcome switch { EventOutcome.Alert => "3", EventOutcome.Failure => "4", _ => "6" });
            json.WriteString("username", user);
            json.WriteString("userID", $"{StableHex(user, 8)}-{StableHex(user + "#", 4)}-4000-8000-{StableHex(user + "!", 12)}");
            json.WriteString("sessionID", $"{random.Next():x8}-{index:x4}");
            json.WriteString("timestamp", timestamp);
            json.WriteString("version", "24.0");
            json.WriteString("remoteAddress", address);
            if (service == "ssh-proxy" || service == "rdp-proxy")
            {
                var rdp = service == "rdp-proxy";
                var hosts = rdp ? RdpHosts : SshHosts;
                var accounts = rdp ? RdpAccounts : SshAccounts;
                json.WriteString("hostAddress", hosts[random.Next(hosts.Length)]);
                json.WriteString("targetUsername", accounts[random.Next(accounts.Length)]);
                json.WriteString("connectionType", rdp ? "RDP" : "SSH");
                json.WriteString("connectionMode", random.Next(4) == 0 ? "UI" : "CLI");
            }
            if (entry?.Category == CatalogCategories.Secrets)
            {
                json.WriteString("secretName", Secrets[random.Next(Secrets.Length)]);
            }
            if (entry is not null && (entry.Name.Contains("modified", StringComparison.OrdinalIgnoreCase) || entry.Name.Contains("changed", StringComparison.OrdinalIgnoreCase)))
            {
                json.WriteString("modifications", Modifications(random));
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Modifications(Random random) => random.Next(3) switch
    {
        0 => $$$"""{"addresses":{"old":["10.0.0.{{{random.Next(2, 250)}}}"],"new":["10.0.0.{{{random.Next(2, 250)}}}"]}}""",
        1 => $$$"""{"permissions":{"old":["users-view"],"new":["users-view","users-manage"]}}""",
        _ => $$$"""{"session_timeout":{"old":{{{random.Next(5, 60)}}},"new":{{{random.Next(5, 60)}}}}}""",
    };

    private static string ServiceOf(int code) => code switch
    {
        < 200 => "auth",
        213 => "auth",
        < 300 => "role-store",
        < 400 => "ssh-proxy",
        < 500 => "authorizer",
        < 600 => "local-user-store",
        < 700 => "workflow-engine",
        < 800 => "monitor-service",
        < 900 => "host-store",
        < 1000 => "connection-manager",
        < 1100 => "trail-index",
        < 1200 => "monitor-service",
        < 1300 => "trail-index",
        < 1400 => "monitor-service",
        < 1500 => "secrets-vault",
        < 1600 => "settings-service",
        _ => "network-access-manager",
    };

    /// <summary>A few users do most of the work, as in any team.</summary>
    private static int Skewed(Random random, int length) => Math.Min(length - 1, (int)(length * Math.Pow(random.NextDouble(), 2)));

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>Hex digits that depend only on the text, so an id stays the same across runs and machines (unlike string.GetHashCode).</summary>
    private static string StableHex(string text, int digits)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        var hex = $"{hash:x8}{hash * 2654435761u:x8}{hash ^ 0x9e3779b9u:x8}";
        return hex[..digits];
    }
}
