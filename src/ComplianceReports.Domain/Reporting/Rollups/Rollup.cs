using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Reporting.Rollups;

/// <summary>
/// Everything the report's sections need from a run of events, kept as counts and capped lists that
/// merge: a day's rollup is sealed once, and a month is its days' rollups merged in date order, which
/// gives exactly what one pass over the month's events gives. Public and plain so a seal can hold it
/// as JSON.
/// </summary>
public sealed class Rollup
{
    public CodeRollup Codes { get; init; } = new();

    public CoverageRollup Coverage { get; init; } = new();

    public LoginRollup Logins { get; init; } = new();

    public SecretsRollup Secrets { get; init; } = new();

    public ListRollup ChangeLog { get; init; } = new();

    public ListRollup KeyEvents { get; init; } = new();

    /// <summary>Events stored as findings, by code.</summary>
    public Dictionary<int, NamedTally> Findings { get; init; } = [];

    /// <summary>Per control id of compliance-controls.md, its evidence events by code.</summary>
    public Dictionary<string, Dictionary<int, NamedTally>> Controls { get; init; } = [];

    /// <summary>Adds a later run of events; <paramref name="cap"/> is the listed-event cap both were built with.</summary>
    public void Merge(Rollup later, int cap)
    {
        Codes.Merge(later.Codes);
        Coverage.Merge(later.Coverage);
        Logins.Merge(later.Logins);
        Secrets.BySecret.Merge(later.Secrets.BySecret);
        Secrets.Events.Merge(later.Secrets.Events, cap);
        ChangeLog.Merge(later.ChangeLog, cap);
        KeyEvents.Merge(later.KeyEvents, cap);
        Findings.Merge(later.Findings);
        foreach (var (control, codes) in later.Controls)
        {
            (Controls.TryGetValue(control, out var kept) ? kept : Controls[control] = []).Merge(codes);
        }
    }
}

/// <summary>One day of the report's zone: its event count, its day digest and its rollup.</summary>
public sealed record DayRollup(DateOnly Date, long Count, string Digest, Rollup Rollup);

/// <summary>A count under the name its first events were stored with.</summary>
public sealed class NamedTally
{
    public required string Name { get; init; }

    public long Count { get; set; }
}

/// <summary>Counts by the category and code each event was stored with, users per category, and the catalog versions seen.</summary>
public sealed class CodeRollup
{
    public Dictionary<string, Dictionary<int, NamedTally>> ByCategory { get; init; } = [];

    public Dictionary<string, Dictionary<string, long>> UsersByCategory { get; init; } = [];

    public List<string> CatalogVersions { get; init; } = [];

    public void Merge(CodeRollup later)
    {
        foreach (var (category, codes) in later.ByCategory)
        {
            (ByCategory.TryGetValue(category, out var kept) ? kept : ByCategory[category] = []).Merge(codes);
        }
        foreach (var (category, users) in later.UsersByCategory)
        {
            (UsersByCategory.TryGetValue(category, out var kept) ? kept : UsersByCategory[category] = []).Merge(users);
        }
        CatalogVersions.AddRange(later.CatalogVersions.Where(version => !CatalogVersions.Contains(version)));
    }

    public long Count(int code) => ByCategory.Values.Sum(codes => codes.GetValueOrDefault(code)?.Count ?? 0);

    public long CountOf(string category) => ByCategory.GetValueOrDefault(category)?.Values.Sum(tally => tally.Count) ?? 0;

    /// <summary>Every catalog category, zero or not, and any other category events were stored with.</summary>
    public Dictionary<string, long> CountsByCategory()
    {
        var counts = CatalogCategories.All.ToDictionary(category => category.Id, _ => 0L);
        foreach (var category in ByCategory.Keys)
        {
            counts[category] = CountOf(category);
        }
        return counts;
    }

    public SortedDictionary<int, long> CountsByCode() => new(ByCode().ToDictionary(count => count.Code, count => count.Count));

    /// <summary>Every code with events, by code, under the name its events were stored with in the first category (ordinal) holding it.</summary>
    public List<CodeCount> ByCode() =>
        ByCategory.SelectMany(category => category.Value.Select(code => (Category: category.Key, Code: code.Key, code.Value.Name, code.Value.Count)))
            .GroupBy(entry => entry.Code).OrderBy(group => group.Key)
            .Select(group => new CodeCount(group.Key, group.OrderBy(entry => entry.Category, StringComparer.Ordinal).First().Name, group.Sum(entry => entry.Count)))
            .ToList();

    public List<CodeCount> ByEvent(string category) =>
        (ByCategory.GetValueOrDefault(category) ?? []).OrderBy(pair => pair.Key).Select(pair => new CodeCount(pair.Key, pair.Value.Name, pair.Value.Count)).ToList();

    public IReadOnlyList<int> CodesOf(string category) => ByEvent(category).Select(count => count.Code).ToList();

    public List<NamedCount> TopUsers(string category, int top) => (UsersByCategory.GetValueOrDefault(category) ?? []).Top(top);

    public IReadOnlyList<string> SortedCatalogVersions => [.. CatalogVersions.Order(StringComparer.Ordinal)];
}

/// <summary>The first and last event, and the services heard from.</summary>
public sealed class CoverageRollup
{
    public DateTimeOffset? First { get; set; }

    public DateTimeOffset? Last { get; set; }

    public List<string> Services { get; init; } = [];

    public void Merge(CoverageRollup later)
    {
        First ??= later.First;
        Last = later.Last ?? Last;
        Services.AddRange(later.Services.Where(service => !Services.Contains(service)));
    }
}

/// <summary>Who failed to log in from where, and who logged in off hours.</summary>
public sealed class LoginRollup
{
    public Dictionary<string, long> FailuresByUser { get; init; } = [];

    public Dictionary<string, long> FailuresByAddress { get; init; } = [];

    public Dictionary<string, long> OffHoursByUser { get; init; } = [];

    public long OffHoursLogins { get; set; }

    public void Merge(LoginRollup later)
    {
        FailuresByUser.Merge(later.FailuresByUser);
        FailuresByAddress.Merge(later.FailuresByAddress);
        OffHoursByUser.Merge(later.OffHoursByUser);
        OffHoursLogins += later.OffHoursLogins;
    }
}

public sealed class SecretsRollup
{
    public Dictionary<string, long> BySecret { get; init; } = [];

    public ListRollup Events { get; init; } = new();
}

/// <summary>Events listed in order up to a cap, and how many there were.</summary>
public sealed class ListRollup
{
    public List<ListedEvent> Events { get; init; } = [];

    public long Total { get; set; }

    public void Add(ListedEvent listed, int cap)
    {
        Total++;
        if (Events.Count < cap)
        {
            Events.Add(listed);
        }
    }

    /// <summary>The later run's events follow this one's, so the first <paramref name="cap"/> of the whole are kept.</summary>
    public void Merge(ListRollup later, int cap)
    {
        Events.AddRange(later.Events.Take(Math.Max(0, cap - Events.Count)));
        Total += later.Total;
    }

    public EventList Complete() => new([.. Events], Total - Events.Count);
}

internal static class Tallies
{
    public static void Increment<TKey>(this Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    public static void Increment<TKey>(this Dictionary<TKey, NamedTally> counts, TKey key, string name) where TKey : notnull =>
        (counts.TryGetValue(key, out var tally) ? tally : counts[key] = new NamedTally { Name = name }).Count++;

    public static void Merge<TKey>(this Dictionary<TKey, long> counts, Dictionary<TKey, long> later) where TKey : notnull
    {
        foreach (var (key, count) in later)
        {
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
    }

    /// <summary>A name kept from the earlier run: the name its first events were stored with.</summary>
    public static void Merge<TKey>(this Dictionary<TKey, NamedTally> counts, Dictionary<TKey, NamedTally> later) where TKey : notnull
    {
        foreach (var (key, tally) in later)
        {
            (counts.TryGetValue(key, out var kept) ? kept : counts[key] = new NamedTally { Name = tally.Name }).Count += tally.Count;
        }
    }

    public static List<NamedCount> Top(this Dictionary<string, long> counts, int top) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top).Select(pair => new NamedCount(pair.Key, pair.Value)).ToList();
}
