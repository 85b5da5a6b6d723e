using System.Globalization;
using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>What an auditor must not miss: every event stored as a finding, by code, then the derived figures.</summary>
internal sealed class FindingsProjection : IProjection
{
    private readonly SortedDictionary<int, (string Name, long Count)> findings = [];

    public void Add(in ProjectedEvent projected)
    {
        if (projected.Facts.Finding)
        {
            var (name, count) = findings.GetValueOrDefault(projected.Code, (projected.Facts.Name, 0));
            findings[projected.Code] = (name, count + 1);
        }
    }

    public List<Finding> Complete(CodeProjection codes, LoginSection logins)
    {
        var list = findings.Select(pair => new Finding($"{pair.Value.Name} ({pair.Key})", Figure(pair.Value.Count), pair.Value.Count, [pair.Key])).ToList();
        var attempts = logins.Successful + logins.Failed;
        // Invariant culture: the figure is evidence, the same whatever culture the host runs in ("28.6%", never "28,6 %").
        var rate = string.Create(CultureInfo.InvariantCulture, $"{logins.FailureRate * 100:0.0}% ({logins.Failed:N0} of {attempts:N0} attempts)");
        list.Add(new Finding("Failed-login rate", rate, logins.Failed, [LoginCodes.Failed]));
        list.Add(Derived(codes, "Secrets and credentials accessed or changed", CatalogCategories.Secrets));
        list.Add(Derived(codes, "Configuration changes", CatalogCategories.Configuration));
        list.Add(Derived(codes, "Events of codes not in the catalog", CatalogCategories.Uncategorized));
        return list;
    }

    private static Finding Derived(CodeProjection codes, string title, CatalogCategory category)
    {
        var count = codes.CountOf(category.Id);
        return new Finding(title, Figure(count), count, codes.CodesOf(category.Id));
    }

    private static string Figure(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>The control mapping: per control of compliance-controls.md, the events stored as its evidence.</summary>
internal sealed class ControlsProjection : IProjection
{
    private readonly Dictionary<string, SortedDictionary<int, (string Name, long Count)>> byControl = [];

    public void Add(in ProjectedEvent projected)
    {
        foreach (var control in projected.Facts.ControlIds)
        {
            var codes = byControl.TryGetValue(control, out var found) ? found : byControl[control] = [];
            var (name, count) = codes.GetValueOrDefault(projected.Code, (projected.Facts.Name, 0));
            codes[projected.Code] = (name, count + 1);
        }
    }

    public List<ControlEvidence> Complete() =>
        ComplianceControls.All.Select(control =>
        {
            var events = control.EvidenceIds
                .SelectMany(id => byControl.GetValueOrDefault(id) ?? [])
                .GroupBy(pair => pair.Key)
                .OrderBy(group => group.Key)
                .Select(group => new CodeCount(group.Key, group.First().Value.Name, group.Max(pair => pair.Value.Count)))
                .ToList();
            return new ControlEvidence(control.Framework, control.Control, control.Asks, events, events.Sum(e => e.Count), control.SupportedBy);
        }).ToList();
}
