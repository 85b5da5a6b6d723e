using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>Secrets and credentials: each event listed, counted by secret.</summary>
internal sealed class SecretsProjection(ReportSettings settings) : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        if (projected.Facts.Category == CatalogCategories.Secrets.Id)
        {
            day.Secrets.BySecret.Increment(projected.Facts.Object ?? ProjectedEvent.UnknownObject);
            day.Secrets.Events.Add(projected.Listed(), settings.MaxListedEvents);
        }
    }

    public SecretsSection Complete(Rollup month)
    {
        var id = CatalogCategories.Secrets.Id;
        return new SecretsSection(
            month.Codes.CountOf(id), month.Codes.ByEvent(id), month.Codes.TopUsers(id, settings.TopCount), month.Secrets.BySecret.Top(settings.TopCount), month.Secrets.Events.Complete());
    }
}

/// <summary>Configuration changes: the change log and changes per day.</summary>
internal sealed class ConfigurationProjection(ReportPeriod period, ReportSettings settings) : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        if (projected.Facts.Category == CatalogCategories.Configuration.Id)
        {
            day.ChangeLog.Add(projected.Listed(), settings.MaxListedEvents);
        }
    }

    public ConfigurationSection Complete(Rollup month, IReadOnlyList<DayRollup> days)
    {
        var id = CatalogCategories.Configuration.Id;
        return new ConfigurationSection(
            month.Codes.CountOf(id), month.Codes.ByEvent(id), month.Codes.TopUsers(id, settings.TopCount), days.PerDay(period, day => day.Codes.CountOf(id)), month.ChangeLog.Complete());
    }
}

/// <summary>The appendix's key events: findings, secrets and configuration changes, in time order.</summary>
internal sealed class KeyEventsProjection(ReportSettings settings) : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        var category = projected.Facts.Category;
        if (projected.Facts.Finding || category == CatalogCategories.Secrets.Id || category == CatalogCategories.Configuration.Id)
        {
            day.KeyEvents.Add(projected.Listed(), settings.MaxListedEvents);
        }
    }
}
