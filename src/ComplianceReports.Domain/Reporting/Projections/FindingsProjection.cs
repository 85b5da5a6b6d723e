using System.Globalization;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>What an auditor must not miss: every event stored as a finding, by code, then the derived figures.</summary>
internal sealed class FindingsProjection : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        if (projected.Facts.Finding)
        {
            day.Findings.Increment(projected.Code, projected.Facts.Name);
        }
    }

    public static List<Finding> Complete(Rollup month, LoginSection logins)
    {
        var list = month.Findings.OrderBy(pair => pair.Key)
            .Select(pair => new Finding($"{pair.Value.Name} ({pair.Key})", Figure(pair.Value.Count), pair.Value.Count, [pair.Key])).ToList();
        var attempts = logins.Successful + logins.Failed;
        // Invariant culture: the figure is evidence, the same whatever culture the host runs in ("28.6%", never "28,6 %").
        var rate = string.Create(CultureInfo.InvariantCulture, $"{logins.FailureRate * 100:0.0}% ({logins.Failed:N0} of {attempts:N0} attempts)");
        list.Add(new Finding("Failed-login rate", rate, logins.Failed, [LoginCodes.Failed]));
        list.Add(Derived(month.Codes, "Secrets and credentials accessed or changed", CatalogCategories.Secrets));
        list.Add(Derived(month.Codes, "Configuration changes", CatalogCategories.Configuration));
        list.Add(Derived(month.Codes, "Events of codes not in the catalog", CatalogCategories.Uncategorized));
        return list;
    }

    private static Finding Derived(CodeRollup codes, string title, CatalogCategory category)
    {
        var count = codes.CountOf(category.Id);
        return new Finding(title, Figure(count), count, codes.CodesOf(category.Id));
    }

    private static string Figure(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>The control mapping: per control of compliance-controls.md, the events stored as its evidence.</summary>
internal sealed class ControlsProjection : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        foreach (var control in projected.Facts.ControlIds)
        {
            (day.Controls.TryGetValue(control, out var codes) ? codes : day.Controls[control] = []).Increment(projected.Code, projected.Facts.Name);
        }
    }

    public static List<ControlEvidence> Complete(Rollup month) =>
        ComplianceControls.All.Select(control =>
        {
            var events = control.EvidenceIds
                .SelectMany(id => month.Controls.GetValueOrDefault(id) ?? [])
                .GroupBy(pair => pair.Key)
                .OrderBy(group => group.Key)
                .Select(group => new CodeCount(group.Key, group.First().Value.Name, group.Max(pair => pair.Value.Count)))
                .ToList();
            return new ControlEvidence(control.Framework, control.Control, control.Asks, events, events.Sum(e => e.Count), control.SupportedBy);
        }).ToList();
}
