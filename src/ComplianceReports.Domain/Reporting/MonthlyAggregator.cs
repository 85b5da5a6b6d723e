using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// One pass over a period's events in store order (UTC time, then identity), keeping counts and capped
/// lists only, so memory does not grow with the month. Events outside the period or stored after the
/// cutoff are passed over: the same cutoff always gives the same set.
/// </summary>
public sealed class MonthlyAggregator(ReportPeriod period, DateTimeOffset cutoff, ReportSettings settings) : IDisposable
{
    private const string UnknownUser = "(no user)";
    private const string UnknownAddress = "(no address)";
    private const string UnknownObject = "(not named)";

    private readonly EventSetDigest digest = new();
    private readonly SortedDictionary<int, long> countsByCode = [];
    private readonly Dictionary<string, long> countsByCategory = CatalogCategories.All.ToDictionary(category => category.Id, _ => 0L);
    private readonly Dictionary<string, Dictionary<string, long>> usersByCategory = [];
    private readonly Dictionary<DateOnly, long> eventsPerDay = [];
    private readonly SortedSet<string> services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> failuresByUser = [];
    private readonly Dictionary<string, long> failuresByAddress = [];
    private readonly Dictionary<string, long> offHoursByUser = [];
    private readonly Dictionary<DateOnly, long> loginsPerDay = [];
    private readonly Dictionary<DateOnly, long> failuresPerDay = [];
    private readonly Dictionary<DateOnly, long> changesPerDay = [];
    private readonly Dictionary<string, long> secretsByObject = [];
    private readonly List<ListedEvent> secretEvents = [];
    private readonly List<ListedEvent> changeLog = [];
    private readonly List<ListedEvent> keyEvents = [];
    private long eventCount;
    private long offHoursLogins;
    private long keyEventCount;
    private string? eventDigest;

    /// <summary>The digest of the events added so far; reading it ends the pass.</summary>
    public string Digest => eventDigest ??= digest.Complete();
    private DateTimeOffset? first;
    private DateTimeOffset? last;

    /// <summary>Counts the event if it belongs to the set; says whether it did, so the caller can keep the same set as evidence.</summary>
    public bool Add(AuditEvent auditEvent, DateTimeOffset ingestedAt)
    {
        if (!period.Contains(auditEvent.OccurredAt) || ingestedAt > cutoff)
        {
            return false;
        }
        if (eventDigest is not null)
        {
            throw new InvalidOperationException("The pass is over: the digest has been read.");
        }
        digest.Add(auditEvent);
        eventCount++;
        first ??= auditEvent.OccurredAt;
        last = auditEvent.OccurredAt;

        var code = auditEvent.Code;
        var facts = auditEvent.Facts;
        var local = period.ToLocal(auditEvent.OccurredAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        var user = facts.User ?? UnknownUser;
        Increment(countsByCode, code);
        Increment(countsByCategory, facts.Category);
        Increment(usersByCategory.TryGetValue(facts.Category, out var users) ? users : usersByCategory[facts.Category] = [], user);
        Increment(eventsPerDay, day);
        if (facts.Service is { } service)
        {
            services.Add(service);
        }

        switch (code)
        {
            case LoginCodes.Succeeded:
                Increment(loginsPerDay, day);
                if (!settings.IsWorkingTime(local))
                {
                    offHoursLogins++;
                    Increment(offHoursByUser, user);
                }
                break;
            case LoginCodes.Failed:
                Increment(failuresPerDay, day);
                Increment(failuresByUser, user);
                Increment(failuresByAddress, facts.SourceAddress ?? UnknownAddress);
                break;
        }

        var isSecret = facts.Category == CatalogCategories.Secrets.Id;
        var isChange = facts.Category == CatalogCategories.Configuration.Id;
        var isFinding = PrivXCatalog.Find(code)?.Finding == true;
        if (isSecret || isChange || isFinding)
        {
            var listed = List(auditEvent);
            if (isSecret)
            {
                Increment(secretsByObject, listed.Object ?? UnknownObject);
                Keep(secretEvents, listed);
            }
            if (isChange)
            {
                Increment(changesPerDay, day);
                Keep(changeLog, listed);
            }
            keyEventCount++;
            Keep(keyEvents, listed);
        }
        return true;
    }

    /// <param name="previous">The previous period's figures at the same cutoff.</param>
    /// <param name="quarantined">Items refused during the period, up to the cutoff.</param>
    public MonthlyAggregate Complete(PeriodFigures previous, long quarantined)
    {
        var categories = CatalogCategories.All
            .Select(category => new CategoryCount(category.Id, category.Name, countsByCategory[category.Id], previous.CountsByCategory.GetValueOrDefault(category.Id)))
            .ToList();
        return new MonthlyAggregate(
            period,
            cutoff,
            eventCount,
            countsByCode,
            countsByCategory,
            Digest,
            categories,
            Findings(),
            new Coverage(
                first,
                last,
                period.Days.Where(day => !eventsPerDay.ContainsKey(day)).ToList(),
                [.. services],
                previous.Services.Where(service => !services.Contains(service)).Order(StringComparer.Ordinal).ToList(),
                quarantined),
            Logins(),
            new SecretsSection(
                countsByCategory[CatalogCategories.Secrets.Id],
                ByEvent(CatalogCategories.Secrets.Id),
                Top(UsersOf(CatalogCategories.Secrets.Id)),
                Top(secretsByObject),
                Listed(secretEvents, countsByCategory[CatalogCategories.Secrets.Id])),
            new ConfigurationSection(
                countsByCategory[CatalogCategories.Configuration.Id],
                ByEvent(CatalogCategories.Configuration.Id),
                Top(UsersOf(CatalogCategories.Configuration.Id)),
                Daily(changesPerDay),
                Listed(changeLog, countsByCategory[CatalogCategories.Configuration.Id])),
            OtherCategories.Select(category =>
                    new CategorySection(category.Id, category.Name, countsByCategory[category.Id], ByEvent(category.Id), Top(UsersOf(category.Id))))
                .ToList(),
            ByEvent(CatalogCategories.Uncategorized.Id),
            Controls(),
            Listed(keyEvents, keyEventCount));
    }

    public void Dispose() => digest.Dispose();

    private static IEnumerable<CatalogCategory> OtherCategories =>
        CatalogCategories.All.Where(category => category != CatalogCategories.Logins && category != CatalogCategories.Secrets
            && category != CatalogCategories.Configuration && category != CatalogCategories.Uncategorized);

    private long Count(int code) => countsByCode.GetValueOrDefault(code);

    private LoginSection Logins()
    {
        var succeeded = Count(LoginCodes.Succeeded);
        var failed = Count(LoginCodes.Failed);
        return new LoginSection(
            succeeded,
            failed,
            succeeded + failed == 0 ? 0 : (double)failed / (succeeded + failed),
            Top(failuresByUser),
            Top(failuresByAddress),
            Count(LoginCodes.MfaChallengeSent),
            Count(LoginCodes.MfaChallengeAccepted),
            Count(LoginCodes.RateLimited),
            Count(LoginCodes.TokenRefreshFailed),
            Count(LoginCodes.OAuthFailed),
            Count(LoginCodes.DirectoryFailed),
            Daily(loginsPerDay),
            Daily(failuresPerDay),
            offHoursLogins,
            Top(offHoursByUser));
    }

    private List<Finding> Findings()
    {
        var findings = PrivXCatalog.Entries
            .Where(entry => entry.Finding && Count(entry.Code) > 0)
            .Select(entry => new Finding($"{entry.Name} ({entry.Code})", Count(entry.Code).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Count(entry.Code), [entry.Code]))
            .ToList();
        var logins = Logins();
        var attempts = logins.Successful + logins.Failed;
        // Invariant culture: the figure is evidence, the same whatever culture the host runs in ("28.6%", never "28,6 %").
        var figure = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{logins.FailureRate * 100:0.0}% ({logins.Failed:N0} of {attempts:N0} attempts)");
        findings.Add(new Finding("Failed-login rate", figure, logins.Failed, [LoginCodes.Failed]));
        findings.Add(Derived("Secrets and credentials accessed or changed", CatalogCategories.Secrets));
        findings.Add(Derived("Configuration changes", CatalogCategories.Configuration));
        findings.Add(Derived("Events of codes not in the catalog", CatalogCategories.Uncategorized));
        return findings;
    }

    private Finding Derived(string title, CatalogCategory category)
    {
        var count = countsByCategory[category.Id];
        return new Finding(title, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), count,
            countsByCode.Keys.Where(code => PrivXCatalog.CategoryOf(code) == category).ToList());
    }

    private List<ControlEvidence> Controls() =>
        ComplianceControls.All.Select(control =>
        {
            var events = PrivXCatalog.Entries
                .Where(entry => entry.EvidenceFor.Any(control.EvidenceIds.Contains) && Count(entry.Code) > 0)
                .Select(entry => new CodeCount(entry.Code, entry.Name, Count(entry.Code)))
                .ToList();
            return new ControlEvidence(control.Framework, control.Control, control.Asks, events, events.Sum(e => e.Count), control.SupportedBy);
        }).ToList();

    private List<CodeCount> ByEvent(string category) =>
        countsByCode.Where(pair => PrivXCatalog.CategoryOf(pair.Key).Id == category)
            .Select(pair => new CodeCount(pair.Key, PrivXCatalog.Find(pair.Key)?.Name ?? "not in the catalog", pair.Value))
            .ToList();

    private Dictionary<string, long> UsersOf(string category) => usersByCategory.GetValueOrDefault(category) ?? [];

    private List<NamedCount> Top(Dictionary<string, long> counts) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(settings.TopCount).Select(pair => new NamedCount(pair.Key, pair.Value)).ToList();

    private List<DailyCount> Daily(Dictionary<DateOnly, long> counts) =>
        period.Days.Select(day => new DailyCount(day, counts.GetValueOrDefault(day))).ToList();

    private static EventList Listed(List<ListedEvent> kept, long total) => new([.. kept], total - kept.Count);

    private void Keep(List<ListedEvent> list, ListedEvent listed)
    {
        if (list.Count < settings.MaxListedEvents)
        {
            list.Add(listed);
        }
    }

    private static ListedEvent List(AuditEvent auditEvent)
    {
        var (target, details) = EventDetails.Read(auditEvent.RawJson);
        return new ListedEvent(
            auditEvent.OccurredAt,
            auditEvent.Code,
            PrivXCatalog.Find(auditEvent.Code)?.Name ?? "not in the catalog",
            auditEvent.Facts.Category,
            auditEvent.Facts.User,
            auditEvent.Facts.SourceAddress,
            target,
            details);
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Increment(SortedDictionary<int, long> counts, int key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

/// <summary>The login codes the login section reads by number.</summary>
public static class LoginCodes
{
    public const int Succeeded = 100;
    public const int Failed = 102;
    public const int MfaChallengeSent = 103;
    public const int MfaChallengeAccepted = 104;
    public const int TokenRefreshFailed = 111;
    public const int OAuthFailed = 122;
    public const int RateLimited = 130;
    public const int DirectoryFailed = 213;
}

/// <summary>What a report compares against: the previous period's counts at the same cutoff.</summary>
public sealed record PeriodFigures(IReadOnlyDictionary<string, long> CountsByCategory, IReadOnlySet<string> Services)
{
    public static readonly PeriodFigures None = new(new Dictionary<string, long>(), new HashSet<string>());

    /// <summary>Counts the previous period in a pass of its own: categories and services only.</summary>
    public static async Task<PeriodFigures> CountAsync(
        ReportPeriod period, DateTimeOffset cutoff, IAsyncEnumerable<(AuditEvent Event, DateTimeOffset IngestedAt)> events, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        var services = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (auditEvent, ingestedAt) in events.WithCancellation(cancellationToken))
        {
            if (period.Contains(auditEvent.OccurredAt) && ingestedAt <= cutoff)
            {
                counts[auditEvent.Facts.Category] = counts.GetValueOrDefault(auditEvent.Facts.Category) + 1;
                if (auditEvent.Facts.Service is { } service)
                {
                    services.Add(service);
                }
            }
        }
        return new PeriodFigures(counts, services);
    }
}
