namespace ComplianceReports.Domain.Reporting;

/// <summary>A name with its count, for "top N" tables.</summary>
public sealed record NamedCount(string Name, long Count);

/// <summary>One local day of a daily chart.</summary>
public sealed record DailyCount(DateOnly Day, long Count);

/// <summary>An event the report lists by name: when (UTC), what, who, on what.</summary>
/// <param name="Object">What it acted on, from the event's fields where present: a secret, role, host, user.</param>
/// <param name="Details">What changed, where the event says, e.g. <c>modifications</c>.</param>
/// <param name="Finding">Whether the event was stored as a finding.</param>
public sealed record ListedEvent(
    DateTimeOffset OccurredAt,
    int Code,
    string Name,
    string Category,
    string? User,
    string? SourceAddress,
    string? Object,
    string? Details,
    bool Finding = false);

/// <summary>Events listed up to a cap, and how many more the evidence file holds.</summary>
public sealed record EventList(IReadOnlyList<ListedEvent> Events, long NotListed);

/// <summary>A category's events this month against the same cut of the previous month.</summary>
public sealed record CategoryCount(string Id, string Name, long Count, long PreviousMonth);

/// <summary>Something an auditor must not miss, with its count.</summary>
/// <param name="Codes">The catalog codes it counts; empty for derived figures such as a rate.</param>
public sealed record Finding(string Title, string Figure, long Count, IReadOnlyList<int> Codes);

public sealed record CodeCount(int Code, string Name, long Count);

public sealed record Coverage(
    DateTimeOffset? FirstEvent,
    DateTimeOffset? LastEvent,
    IReadOnlyList<DateOnly> DaysWithoutEvents,
    IReadOnlyList<string> ServicesSeen,
    IReadOnlyList<string> SilentServices,
    long Quarantined);

/// <param name="FailureRate">Failed logins over all login attempts (successful plus failed), 0 when there were none.</param>
/// <param name="OffHoursLogins">Successful logins outside the configured working hours and days, local time.</param>
public sealed record LoginSection(
    long Successful,
    long Failed,
    double FailureRate,
    IReadOnlyList<NamedCount> FailuresByUser,
    IReadOnlyList<NamedCount> FailuresBySourceAddress,
    long MfaChallengesSent,
    long MfaChallengesAccepted,
    long RateLimited,
    long TokenFailures,
    long OAuthFailures,
    long DirectoryFailures,
    IReadOnlyList<DailyCount> LoginsPerDay,
    IReadOnlyList<DailyCount> FailuresPerDay,
    long OffHoursLogins,
    IReadOnlyList<NamedCount> OffHoursByUser);

public sealed record SecretsSection(
    long Total,
    IReadOnlyList<CodeCount> ByEvent,
    IReadOnlyList<NamedCount> ByUser,
    IReadOnlyList<NamedCount> BySecret,
    EventList Events);

public sealed record ConfigurationSection(
    long Total,
    IReadOnlyList<CodeCount> ByEvent,
    IReadOnlyList<NamedCount> ByUser,
    IReadOnlyList<DailyCount> ChangesPerDay,
    EventList ChangeLog);

public sealed record CategorySection(string Id, string Name, long Total, IReadOnlyList<CodeCount> ByEvent, IReadOnlyList<NamedCount> TopUsers);

/// <summary>Evidence for one control of compliance-controls.md, or how the report supports it when no event is.</summary>
public sealed record ControlEvidence(string Framework, string Control, string Asks, IReadOnlyList<CodeCount> Events, long Total, string? SupportedBy);

/// <summary>What a later version adds to the one before it: events only ever arrive, never leave.</summary>
public sealed record VersionChange(int PreviousVersion, long PreviousEventCount, long EventsAdded, IReadOnlyDictionary<string, long> AddedByCategory);
