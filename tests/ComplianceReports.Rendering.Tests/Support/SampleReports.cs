using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Rendering.Tests;

/// <summary>
/// Report models as the aggregator would hand them to the renderer, made by hand with figures that add
/// up: every category is the sum of its codes, every "top" list the sum of its category, so a figure
/// the PDF shows in the wrong place is caught by the test that looks for it in the right one.
/// </summary>
internal static class SampleReports
{
    public const string Digest = "3f7a2c9e1b4d5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcd";

    public static readonly Month October2026 = new(2026, 10);

    public static readonly TimeZoneInfo Helsinki = ReportPeriod.FindTimeZone("Europe/Helsinki");

    /// <summary>Two hours east of UTC, so a renderer that prints local time instead of UTC is caught.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 4, 15, 30, TimeSpan.FromHours(2));

    /// <summary>When generation read the store: information only, the set is what it read.</summary>
    public static readonly DateTimeOffset ReadAt = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Where the month-over-month figures come from.</summary>
    public const string PreviousMonthSource = "its report, version 2";

    public static readonly ReportSettings Settings = new(
        "Northwind Payments Oy", "privx-prod", TimeZoneInfo.Utc, new TimeOnly(7, 30), new TimeOnly(17, 0), ReportSettings.MondayToFriday, TopCount: 10, MaxListedEvents: 4);

    /// <summary>Counts by code, each distinct enough that finding it in the text means it was drawn.</summary>
    public static readonly IReadOnlyDictionary<int, long> GoldenCodes = new Dictionary<int, long>
    {
        // logins: 48,213
        [100] = 40_112, [102] = 3_571, [103] = 2_204, [104] = 2_198, [111] = 37, [122] = 15, [130] = 64, [213] = 12,
        // secrets: 1,362
        [510] = 22, [1400] = 58, [1402] = 1_211, [1403] = 71,
        // configuration: 287
        [202] = 61, [710] = 2, [802] = 54, [1101] = 27, [1501] = 143,
        // access: 5,104
        [250] = 4, [910] = 2_511, [911] = 2_589,
        // sessions: 23,456
        [301] = 11_700, [303] = 11_756,
        // users: 19
        [500] = 11, [502] = 8,
        // integrity: 3,021
        [1006] = 3, [1203] = 3_017, [1302] = 1,
        // system: 911
        [11] = 906, [12] = 5,
        // not in the catalog: 57
        [1601] = 41, [2003] = 16,
    };

    public static readonly IReadOnlyDictionary<string, long> GoldenPreviousMonth = new Dictionary<string, long>
    {
        ["logins"] = 41_977, ["secrets"] = 1_408, ["configuration"] = 287, ["access"] = 4_870, ["sessions"] = 22_001,
        ["users"] = 7, ["workflow"] = 12, ["integrity"] = 2_950, ["system"] = 1_020, ["uncategorized"] = 0,
    };

    public static readonly IReadOnlyList<DateOnly> GoldenDaysWithoutEvents = [Day(10), Day(11), Day(12), Day(25)];

    public static readonly ListedEvent SecretRead = new(
        At(3, 9, 14, 5), 1402, "Secret-accessed", "secrets", "alice", "10.0.4.17", "db/prod/root", null);

    public static readonly ListedEvent SecretCreated = new(
        At(6, 13, 2, 44), 1400, "Secret-created", "secrets", "svc-deploy", "10.0.9.3", "aws/prod-admin", null);

    public static readonly ListedEvent PasswordChanged = new(
        At(14, 7, 45, 0), 510, "User-password-modified", "secrets", "bob", null, null, null);

    public static readonly ListedEvent SecretChanged = new(
        At(27, 16, 30, 9), 1403, "Secret-changed", "secrets", "alice", "10.0.4.17", "db/prod/root", null);

    public static readonly ListedEvent RoleModified = new(
        At(2, 10, 0, 1), 202, "Role-modified", "configuration", "admin", "10.0.0.5", "db-admins",
        """{"permissions":{"added":["connections-manual"],"removed":[]},"members":{"added":["erin"]}}""");

    public static readonly ListedEvent LogLevelModified = new(
        At(9, 23, 11, 37), 710, "Log-level-modified", "configuration", "carol", "10.0.0.7", "auth", "level changed from INFO to DEBUG");

    public static readonly ListedEvent HostModified = new(
        At(20, 8, 15, 0), 802, "Host-modified", "configuration", "admin", "10.0.0.5", "db01.example.com",
        """{"services":[{"service":"SSH","address":"db01.example.com","port":22}],"tags":["pci","prod"],"audit_enabled":true}""");

    public static readonly ListedEvent IntegrityFailed = new(
        At(18, 3, 3, 3), 1006, "Trail-file-integrity-failed", "integrity", null, null, "trail 8d2a", null);

    public static readonly ListedEvent AuditEventRemoved = new(
        At(30, 22, 40, 12), 1302, "Auditevent-removed", "integrity", "root-admin", "10.0.0.9", null, null);

    /// <summary>Every section filled, in UTC unless another zone is asked for; version 3, which adds to version 2.</summary>
    public static MonthlyReport Golden(TimeZoneInfo? zone = null)
    {
        var period = new ReportPeriod(October2026, zone ?? TimeZoneInfo.Utc);
        var codes = GoldenCodes;
        var byCategory = ByCategory(codes);
        var aggregate = new MonthlyAggregate(
            period,
            codes.Values.Sum(),
            codes,
            byCategory,
            Digest,
            DayDigests(period, codes.Values.Sum()),
            CodeCounts(codes),
            [PrivXCatalog.Version],
            Categories(byCategory, GoldenPreviousMonth),
            [
                new Finding("Service-stopped (12)", "5", 5, [12]),
                new Finding("RoleContext-usage-alert (250)", "4", 4, [250]),
                new Finding("Log-level-modified (710)", "2", 2, [710]),
                new Finding("Trail-file-integrity-failed (1006)", "3", 3, [1006]),
                new Finding("Auditevent-removed (1302)", "1", 1, [1302]),
                new Finding("Failed-login rate", "8.2 % (3,571 of 43,683 attempts)", 3_571, [102]),
                new Finding("Secrets and credentials accessed or changed", "1,362", 1_362, [510, 1400, 1402, 1403]),
                new Finding("Configuration changes", "287", 287, [202, 710, 802, 1101, 1501]),
                new Finding("Events of codes not in the catalog", "57", 57, [1601, 2003]),
            ],
            new Coverage(
                new DateTimeOffset(2026, 10, 1, 0, 0, 7, TimeSpan.Zero),
                new DateTimeOffset(2026, 10, 31, 21, 59, 58, TimeSpan.Zero),
                GoldenDaysWithoutEvents,
                ["auth", "authorizer", "host-store", "keyvault", "monitor-service", "rdp-proxy", "role-store", "ssh-proxy"],
                ["network-access-manager"],
                23),
            new LoginSection(
                40_112,
                3_571,
                3_571.0 / 43_683,
                [new("alice", 1_204), new("bob", 988), new("carol", 501), new("(no user)", 377), new("dave", 250), new("erin", 151), new("frank", 100)],
                [new("10.0.4.17", 2_020), new("203.0.113.50", 1_101), new("198.51.100.7", 450)],
                2_204,
                2_198,
                64,
                37,
                15,
                12,
                Daily(40_112, dayWeight: 9),
                Daily(3_571, dayWeight: 3),
                2_345,
                [new("svc-backup", 1_500), new("alice", 545), new("bob", 300)]),
            new SecretsSection(
                1_362,
                CodeCounts(codes, CatalogCategories.Secrets),
                [new("alice", 700), new("svc-deploy", 512), new("bob", 150)],
                [new("db/prod/root", 640), new("aws/prod-admin", 420), new("(not named)", 302)],
                new EventList([SecretRead, SecretCreated, PasswordChanged, SecretChanged], 1_358)),
            new ConfigurationSection(
                287,
                CodeCounts(codes, CatalogCategories.Configuration),
                [new("admin", 201), new("carol", 86)],
                Daily(287, dayWeight: 2),
                new EventList([RoleModified, LogLevelModified, HostModified], 284)),
            [
                Other(codes, CatalogCategories.Access, [new("alice", 3_000), new("bob", 2_104)]),
                Other(codes, CatalogCategories.Sessions, [new("alice", 12_000), new("bob", 11_456)]),
                Other(codes, CatalogCategories.Users, [new("admin", 19)]),
                Other(codes, CatalogCategories.Workflow, []),
                Other(codes, CatalogCategories.Integrity, [new("(no user)", 3_020), new("root-admin", 1)]),
                Other(codes, CatalogCategories.System, [new("(no user)", 911)]),
            ],
            CodeCounts(codes, CatalogCategories.Uncategorized),
            Controls(codes),
            new EventList([RoleModified, SecretRead, LogLevelModified, IntegrityFailed, AuditEventRemoved], 1_659),
            PreviousMonthSource);
        return new MonthlyReport(
            aggregate,
            Settings with { TimeZone = period.TimeZone },
            3,
            GeneratedAt,
            ReadAt,
            new VersionChange(2, aggregate.EventCount - 430, 430, new Dictionary<string, long> { ["logins"] = 402, ["secrets"] = 28, ["system"] = 0 }));
    }

    /// <summary>A month without a single event, first version, for the whole organisation.</summary>
    public static MonthlyReport Empty()
    {
        var period = new ReportPeriod(October2026, TimeZoneInfo.Utc);
        var none = new Dictionary<int, long>();
        var byCategory = ByCategory(none);
        var zeroDays = period.Days.Select(day => new DailyCount(day, 0)).ToList();
        var aggregate = new MonthlyAggregate(
            period,
            0,
            none,
            byCategory,
            Digest,
            DayDigests(period, 0),
            [],
            [],
            Categories(byCategory, new Dictionary<string, long>()),
            [
                new Finding("Failed-login rate", "0.0 % (0 of 0 attempts)", 0, [102]),
                new Finding("Secrets and credentials accessed or changed", "0", 0, []),
                new Finding("Configuration changes", "0", 0, []),
                new Finding("Events of codes not in the catalog", "0", 0, []),
            ],
            new Coverage(null, null, period.Days.ToList(), [], [], 0),
            new LoginSection(0, 0, 0, [], [], 0, 0, 0, 0, 0, 0, zeroDays, zeroDays, 0, []),
            new SecretsSection(0, [], [], [], new EventList([], 0)),
            new ConfigurationSection(0, [], [], zeroDays, new EventList([], 0)),
            [.. new[] { CatalogCategories.Access, CatalogCategories.Sessions, CatalogCategories.Users, CatalogCategories.Workflow, CatalogCategories.Integrity, CatalogCategories.System }
                .Select(category => Other(none, category, []))],
            [],
            Controls(none),
            new EventList([], 0),
            PeriodFigures.None.Source);
        return new MonthlyReport(aggregate, Settings with { Instance = null }, 1, GeneratedAt, ReadAt);
    }

    public const int HugeListed = 500;
    public const int HugeUnknownCodes = 400;

    /// <summary>
    /// Far more than pages hold: 500 listed secret events, changes with long details (one longer than
    /// a page), 500 key events and 400 codes the catalog lacks.
    /// </summary>
    public static MonthlyReport Huge()
    {
        var golden = Golden(Helsinki);
        var unknown = Enumerable.Range(0, HugeUnknownCodes).Select(index => new CodeCount(1600 + index, "not in the catalog", 1_000 + index)).ToList();
        var codes = GoldenCodes.Where(pair => PrivXCatalog.Find(pair.Key) is not null)
            .Concat(unknown.Select(code => KeyValuePair.Create(code.Code, code.Count)))
            .ToDictionary();
        var secrets = Enumerable.Range(0, HugeListed).Select(index => SecretRead with
        {
            // 500 events over the month: one every 83 minutes from its first day.
            OccurredAt = At(1, 0, 0, 0).AddMinutes(index * 83),
            User = $"user-{index % 37:D2}@corp.example.com",
            Object = $"vault/prod/team-{index % 11}/service-account-credential-{index}",
        }).ToList();
        var changes = Enumerable.Range(0, HugeListed).Select(index => HostModified with
        {
            OccurredAt = At(1, 0, 30, 0).AddMinutes(index * 83),
            Details = index == 7 ? LongerThanAPage : LongDetails(index),
        }).ToList();
        var aggregate = golden.Aggregate with
        {
            EventCount = codes.Values.Sum(),
            CountsByCode = codes,
            UnknownEvents = unknown,
            Secrets = golden.Aggregate.Secrets with { Events = new EventList(secrets, 862) },
            Configuration = golden.Aggregate.Configuration with { ChangeLog = new EventList(changes, 0) },
            KeyEvents = new EventList([.. secrets.Zip(changes, (secret, change) => new[] { secret, change }).SelectMany(pair => pair).Take(HugeListed)], 1_149),
            Logins = golden.Aggregate.Logins with
            {
                FailuresByUser = [.. Enumerable.Range(0, 40).Select(index => new NamedCount($"a-rather-long-user-name-{index}@subsidiary.corp.example.com", 400 - index))],
            },
        };
        return golden with { Aggregate = aggregate, Settings = golden.Settings with { Organisation = LongOrganisation, TopCount = 40, MaxListedEvents = HugeListed } };
    }

    public const string LongOrganisation =
        "Northwind Payments Oy, Card Processing and Settlement Services Division for the Nordic and Baltic Markets, Helsinki Data Centre Operations";

    /// <summary>A value that wraps to more lines than a page holds: the renderer has to cut it.</summary>
    public static readonly string LongerThanAPage = string.Join(' ', Enumerable.Range(0, 2_500).Select(index => $"field{index}=value"));

    private static string LongDetails(int index) =>
        $$$"""{"modifications":{"services":[{"service":"SSH","address":"db{{{index}}}.example.com","port":22}],"tags":["pci","prod","team-{{{index % 11}}}"],"comment":"rotated host keys after maintenance window {{{index}}} and re-enabled session recording for all administrators"}}""";

    public static DateTimeOffset At(int day, int hour, int minute, int second) => new(2026, 10, day, hour, minute, second, TimeSpan.Zero);

    private static DateOnly Day(int day) => new(2026, 10, day);

    public static Dictionary<string, long> ByCategory(IReadOnlyDictionary<int, long> countsByCode) =>
        CatalogCategories.All.ToDictionary(
            category => category.Id,
            category => countsByCode.Where(pair => PrivXCatalog.CategoryOf(pair.Key) == category).Sum(pair => pair.Value));

    private static List<CategoryCount> Categories(IReadOnlyDictionary<string, long> byCategory, IReadOnlyDictionary<string, long> previous) =>
        CatalogCategories.All.Select(category => new CategoryCount(category.Id, category.Name, byCategory[category.Id], previous.GetValueOrDefault(category.Id))).ToList();

    private static List<CodeCount> CodeCounts(IReadOnlyDictionary<int, long> codes, CatalogCategory category) =>
        CodeCounts(codes.Where(pair => PrivXCatalog.CategoryOf(pair.Key) == category).ToDictionary());

    private static List<CodeCount> CodeCounts(IReadOnlyDictionary<int, long> codes) =>
        codes.OrderBy(pair => pair.Key)
            .Select(pair => new CodeCount(pair.Key, PrivXCatalog.Find(pair.Key)?.Name ?? "not in the catalog", pair.Value))
            .ToList();

    /// <summary>
    /// Every day of the period with a share of <paramref name="total"/> (the rest on its first day) and a
    /// made-up digest unique to the day, so a table that drops or repeats a day is caught.
    /// </summary>
    private static List<DayDigest> DayDigests(ReportPeriod period, long total)
    {
        var days = period.Days.ToList();
        return days.Select((day, index) => new DayDigest(
            day,
            total / days.Count + (index == 0 ? total % days.Count : 0),
            $"{day.Day:D2}{Digest[2..]}")).ToList();
    }

    private static CategorySection Other(IReadOnlyDictionary<int, long> codes, CatalogCategory category, IReadOnlyList<NamedCount> users)
    {
        var byEvent = CodeCounts(codes, category);
        return new CategorySection(category.Id, category.Name, byEvent.Sum(code => code.Count), byEvent, users);
    }

    private static List<ControlEvidence> Controls(IReadOnlyDictionary<int, long> codes) =>
        ComplianceControls.All.Select(control =>
        {
            var events = PrivXCatalog.Entries
                .Where(entry => entry.EvidenceFor.Any(control.EvidenceIds.Contains) && codes.GetValueOrDefault(entry.Code) > 0)
                .Select(entry => new CodeCount(entry.Code, entry.Name, codes[entry.Code]))
                .ToList();
            return new ControlEvidence(control.Framework, control.Control, control.Asks, events, events.Sum(code => code.Count), control.SupportedBy);
        }).ToList();

    /// <summary>
    /// A month's days carrying <paramref name="total"/>: weekdays weigh <paramref name="dayWeight"/>, weekends one,
    /// the days without events nothing; the remainder goes to the busiest day so the sum is exact.
    /// </summary>
    private static List<DailyCount> Daily(long total, int dayWeight)
    {
        var days = Enumerable.Range(1, 31).Select(Day).ToList();
        long Weight(DateOnly day) =>
            GoldenDaysWithoutEvents.Contains(day) ? 0 : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : dayWeight + day.Day % 4;
        var weights = days.Sum(Weight);
        var counts = days.Select(day => total * Weight(day) / weights).ToList();
        var busiest = counts.IndexOf(counts.Max());
        counts[busiest] += total - counts.Sum();
        return days.Select((day, index) => new DailyCount(day, counts[index])).ToList();
    }
}
