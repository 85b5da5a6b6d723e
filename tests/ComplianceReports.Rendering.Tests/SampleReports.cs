using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Rendering.Tests;

/// <summary>Report models as the aggregator would hand them to the renderer.</summary>
internal static class SampleReports
{
    public const string Digest = "3f7a2c9e1b4d5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcd";

    public static readonly Month October2026 = new(2026, 10);

    /// <summary>Two hours east of UTC, so a renderer that prints local time instead of UTC is caught.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 4, 15, 30, TimeSpan.FromHours(2));

    /// <summary>Inserted out of order, with counts that are never also codes.</summary>
    public static readonly IReadOnlyDictionary<int, long> FewCodes = new Dictionary<int, long>
    {
        [100] = 12_345,
        [3] = 7,
        [2001] = 88,
        [42] = 1_234_567,
    };

    public static MonthlyReport With(IReadOnlyDictionary<int, long> countsByCode, int version = 3) =>
        new(new MonthlyAggregate(October2026, countsByCode.Values.Sum(), countsByCode, ByCategory(countsByCode), Digest), version, GeneratedAt);

    private static Dictionary<string, long> ByCategory(IReadOnlyDictionary<int, long> countsByCode) =>
        countsByCode.GroupBy(pair => PrivXCatalog.CategoryOf(pair.Key).Id).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));

    public static MonthlyReport Few() => With(FewCodes);

    public static MonthlyReport Empty() => With(new Dictionary<int, long>());

    /// <summary>Far more rows than one A4 page holds.</summary>
    public static MonthlyReport Many(int codes = 400) =>
        With(Enumerable.Range(1, codes).Reverse().ToDictionary(index => index * 7, index => index * 1_000L + 1));
}
