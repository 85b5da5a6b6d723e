using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting.Projections;
using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// Composes the report's sections from small projections. Each folds every event of a day, once, in
/// set order, into the day's rollup; the month's sections are read off its days' rollups merged in
/// date order. Projections read only the facts stored with each event, never the catalog or the raw
/// item, and keep counts and capped lists only, so memory does not grow with the month.
/// </summary>
public sealed class MonthlyAggregator
{
    private readonly ReportPeriod period;
    private readonly ReportSettings settings;
    private readonly CoverageProjection coverage;
    private readonly LoginProjection logins;
    private readonly SecretsProjection secrets;
    private readonly ConfigurationProjection configuration;
    private readonly IProjection[] projections;

    public MonthlyAggregator(ReportPeriod period, ReportSettings settings)
    {
        this.period = period;
        this.settings = settings;
        coverage = new CoverageProjection(period);
        logins = new LoginProjection(period, settings);
        secrets = new SecretsProjection(settings);
        configuration = new ConfigurationProjection(period, settings);
        projections = [new CodeProjection(), coverage, logins, secrets, configuration, new KeyEventsProjection(settings), new FindingsProjection(), new ControlsProjection()];
    }

    /// <summary>Folds an event into its day's rollup.</summary>
    /// <param name="local">The event's time in the report's zone, as the set has worked it out already.</param>
    public void Add(AuditEvent auditEvent, DateTimeOffset local, Rollup day)
    {
        var projected = new ProjectedEvent(auditEvent, local, DateOnly.FromDateTime(local.DateTime));
        foreach (var projection in projections)
        {
            projection.Add(projected, day);
        }
    }

    /// <param name="days">The period's days with their rollups, in date order.</param>
    /// <param name="previous">The previous period's figures, for the month-over-month column and silent services.</param>
    /// <param name="quarantined">Items refused during the period.</param>
    /// <param name="digests">The set's day digests and version digest.</param>
    public MonthlyAggregate Complete(IReadOnlyList<DayRollup> days, PeriodFigures previous, long quarantined, EventSetDigests digests)
    {
        var month = new Rollup();
        foreach (var day in days)
        {
            month.Merge(day.Rollup, settings.MaxListedEvents);
        }
        var codes = month.Codes;
        var countsByCategory = codes.CountsByCategory();
        var loginSection = logins.Complete(month, days);
        return new MonthlyAggregate(
            period,
            digests.Count,
            codes.CountsByCode(),
            countsByCategory,
            digests.Digest,
            digests.Days,
            codes.ByCode(),
            codes.SortedCatalogVersions,
            Categories(countsByCategory, previous),
            FindingsProjection.Complete(month, loginSection),
            coverage.Complete(month, days, previous, quarantined),
            loginSection,
            secrets.Complete(month),
            configuration.Complete(month, days),
            OtherCategories.Select(category => new CategorySection(category.Id, category.Name, codes.CountOf(category.Id), codes.ByEvent(category.Id), codes.TopUsers(category.Id, settings.TopCount))).ToList(),
            codes.ByEvent(CatalogCategories.Uncategorized.Id),
            ControlsProjection.Complete(month),
            month.KeyEvents.Complete(),
            previous.Source);
    }

    /// <summary>
    /// Every catalog category in the document's order, then any category only an older catalog knew, by
    /// the id events were stored with: the table always adds up to the event count.
    /// </summary>
    private static List<CategoryCount> Categories(IReadOnlyDictionary<string, long> counts, PeriodFigures previous) =>
        CatalogCategories.All.Select(category => (category.Id, category.Name))
            .Concat(counts.Keys.Where(id => CatalogCategories.All.All(category => category.Id != id)).Order(StringComparer.Ordinal).Select(id => (Id: id, Name: id)))
            .Select(category => new CategoryCount(category.Id, category.Name, counts[category.Id], previous.CountsByCategory.GetValueOrDefault(category.Id)))
            .ToList();

    private static IEnumerable<CatalogCategory> OtherCategories =>
        CatalogCategories.All.Where(category => category != CatalogCategories.Logins && category != CatalogCategories.Secrets
            && category != CatalogCategories.Configuration && category != CatalogCategories.Uncategorized);
}

/// <summary>What a report compares against: the previous period's counts by category and the services it heard from.</summary>
/// <param name="Source">Where the figures come from, for the reader: a version of the previous month's report, or the event store.</param>
public sealed record PeriodFigures(IReadOnlyDictionary<string, long> CountsByCategory, IReadOnlyList<string> Services, string Source)
{
    public static readonly PeriodFigures None = new(new Dictionary<string, long>(), [], "none");

    /// <summary>The figures of a published version: the same version always gives the same comparison.</summary>
    public static PeriodFigures Of(PublishedSet version) =>
        new(version.CountsByCategory, version.Services, $"its report, version {version.Version}");

    /// <summary>The figures of a period without a report, from its days' rollups: categories and services only.</summary>
    public static PeriodFigures Of(IEnumerable<DayRollup> days)
    {
        var month = new Rollup();
        foreach (var day in days)
        {
            month.Codes.Merge(day.Rollup.Codes);
            month.Coverage.Merge(day.Rollup.Coverage);
        }
        // Categories without events are left out, as in a published version's counts of an older catalog.
        return new PeriodFigures(
            month.Codes.CountsByCategory().Where(pair => pair.Value > 0).ToDictionary(),
            [.. month.Coverage.Services.Order(StringComparer.Ordinal)],
            "its events as stored: it has no report");
    }
}
