using ComplianceReports.Domain.Events;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>An event of the set as every projection sees it: its stored facts, and where it falls in the report's zone.</summary>
internal readonly record struct ProjectedEvent(AuditEvent Event, DateTimeOffset Local, DateOnly Day)
{
    public const string UnknownUser = "(no user)";
    public const string UnknownAddress = "(no address)";
    public const string UnknownObject = "(not named)";

    public EventFacts Facts => Event.Facts;

    public int Code => Event.Code;

    public string User => Facts.User ?? UnknownUser;

    public ListedEvent Listed() =>
        new(Event.OccurredAt, Code, Facts.Name, Facts.Category, Facts.User, Facts.SourceAddress, Facts.Object, Facts.Details, Facts.Finding);
}

/// <summary>One small piece of the report: it sees each event of the set once, in set order.</summary>
internal interface IProjection
{
    void Add(in ProjectedEvent projected);
}

internal static class Counting
{
    public static void Increment<TKey>(this Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    public static List<NamedCount> Top(this Dictionary<string, long> counts, int top) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top).Select(pair => new NamedCount(pair.Key, pair.Value)).ToList();

    public static List<DailyCount> Daily(this Dictionary<DateOnly, long> counts, ReportPeriod period) =>
        period.Days.Select(day => new DailyCount(day, counts.GetValueOrDefault(day))).ToList();
}

/// <summary>Events listed up to a cap, counting those past it.</summary>
internal sealed class CappedList(int cap)
{
    private readonly List<ListedEvent> kept = [];
    private long total;

    public void Add(ListedEvent listed)
    {
        total++;
        if (kept.Count < cap)
        {
            kept.Add(listed);
        }
    }

    public EventList Complete() => new([.. kept], total - kept.Count);
}
