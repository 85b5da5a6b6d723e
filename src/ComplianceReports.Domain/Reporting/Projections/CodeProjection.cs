using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>
/// Counts by the category and code each event was stored with, the name it was stored with, and
/// users per category: one table, so a section's per-code rows always add up to its total.
/// </summary>
internal sealed class CodeProjection : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        var codes = day.Codes;
        var category = projected.Facts.Category;
        (codes.ByCategory.TryGetValue(category, out var byCode) ? byCode : codes.ByCategory[category] = []).Increment(projected.Code, projected.Facts.Name);
        (codes.UsersByCategory.TryGetValue(category, out var users) ? users : codes.UsersByCategory[category] = []).Increment(projected.User);
        if (!codes.CatalogVersions.Contains(projected.Facts.CatalogVersion))
        {
            codes.CatalogVersions.Add(projected.Facts.CatalogVersion);
        }
    }
}
