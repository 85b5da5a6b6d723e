using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>Secrets and credentials: each event listed, counted by secret.</summary>
internal sealed class SecretsProjection(ReportSettings settings) : IProjection
{
    private readonly Dictionary<string, long> bySecret = [];
    private readonly CappedList events = new(settings.MaxListedEvents);

    public void Add(in ProjectedEvent projected)
    {
        if (projected.Facts.Category == CatalogCategories.Secrets.Id)
        {
            bySecret.Increment(projected.Facts.Object ?? ProjectedEvent.UnknownObject);
            events.Add(projected.Listed());
        }
    }

    public SecretsSection Complete(CodeProjection codes)
    {
        var id = CatalogCategories.Secrets.Id;
        return new SecretsSection(codes.CountOf(id), codes.ByEvent(id), codes.TopUsers(id), bySecret.Top(settings.TopCount), events.Complete());
    }
}

/// <summary>Configuration changes: the change log and changes per day.</summary>
internal sealed class ConfigurationProjection(ReportPeriod period, ReportSettings settings) : IProjection
{
    private readonly Dictionary<DateOnly, long> perDay = [];
    private readonly CappedList changeLog = new(settings.MaxListedEvents);

    public void Add(in ProjectedEvent projected)
    {
        if (projected.Facts.Category == CatalogCategories.Configuration.Id)
        {
            perDay.Increment(projected.Day);
            changeLog.Add(projected.Listed());
        }
    }

    public ConfigurationSection Complete(CodeProjection codes)
    {
        var id = CatalogCategories.Configuration.Id;
        return new ConfigurationSection(codes.CountOf(id), codes.ByEvent(id), codes.TopUsers(id), perDay.Daily(period), changeLog.Complete());
    }
}

/// <summary>The appendix's key events: findings, secrets and configuration changes, in time order.</summary>
internal sealed class KeyEventsProjection(ReportSettings settings) : IProjection
{
    private readonly CappedList keyEvents = new(settings.MaxListedEvents);

    public void Add(in ProjectedEvent projected)
    {
        var category = projected.Facts.Category;
        if (projected.Facts.Finding || category == CatalogCategories.Secrets.Id || category == CatalogCategories.Configuration.Id)
        {
            keyEvents.Add(projected.Listed());
        }
    }

    public EventList Complete() => keyEvents.Complete();
}
