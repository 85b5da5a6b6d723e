using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>
/// Counts by the category and code each event was stored with, the name it was stored with, and
/// users per category: one table, so a section's per-code rows always add up to its total.
/// </summary>
internal sealed class CodeProjection(int topCount) : IProjection
{
    private readonly Dictionary<(string Category, int Code), (string Name, long Count)> byCategoryAndCode = [];
    private readonly Dictionary<string, Dictionary<string, long>> usersByCategory = [];
    private readonly SortedSet<string> catalogVersions = new(StringComparer.Ordinal);

    public void Add(in ProjectedEvent projected)
    {
        var key = (projected.Facts.Category, projected.Code);
        var (name, count) = byCategoryAndCode.GetValueOrDefault(key, (projected.Facts.Name, 0));
        byCategoryAndCode[key] = (name, count + 1);
        (usersByCategory.TryGetValue(key.Category, out var users) ? users : usersByCategory[key.Category] = []).Increment(projected.User);
        catalogVersions.Add(projected.Facts.CatalogVersion);
    }

    public long Count(int code) => byCategoryAndCode.Where(pair => pair.Key.Code == code).Sum(pair => pair.Value.Count);

    public long CountOf(string category) => byCategoryAndCode.Where(pair => pair.Key.Category == category).Sum(pair => pair.Value.Count);

    /// <summary>Every catalog category, zero or not, and any other category events were stored with.</summary>
    public Dictionary<string, long> CountsByCategory()
    {
        var counts = CatalogCategories.All.ToDictionary(category => category.Id, _ => 0L);
        foreach (var ((category, _), (_, count)) in byCategoryAndCode)
        {
            counts[category] = counts.GetValueOrDefault(category) + count;
        }
        return counts;
    }

    public SortedDictionary<int, long> CountsByCode()
    {
        var counts = new SortedDictionary<int, long>();
        foreach (var ((_, code), (_, count)) in byCategoryAndCode)
        {
            counts[code] = counts.GetValueOrDefault(code) + count;
        }
        return counts;
    }

    /// <summary>Every code with events, by code, under the name its first events were stored with.</summary>
    public List<CodeCount> ByCode() =>
        byCategoryAndCode.GroupBy(pair => pair.Key.Code).OrderBy(group => group.Key)
            .Select(group => new CodeCount(group.Key, group.OrderBy(pair => pair.Key.Category, StringComparer.Ordinal).First().Value.Name, group.Sum(pair => pair.Value.Count)))
            .ToList();

    public List<CodeCount> ByEvent(string category) =>
        byCategoryAndCode.Where(pair => pair.Key.Category == category).OrderBy(pair => pair.Key.Code)
            .Select(pair => new CodeCount(pair.Key.Code, pair.Value.Name, pair.Value.Count))
            .ToList();

    public IReadOnlyList<int> CodesOf(string category) => ByEvent(category).Select(count => count.Code).ToList();

    public List<NamedCount> TopUsers(string category) => (usersByCategory.GetValueOrDefault(category) ?? []).Top(topCount);

    public IReadOnlyList<string> CatalogVersions => [.. catalogVersions];
}
