using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting.Projections;

namespace ComplianceReports.Domain.Reporting;

/// <summary>
/// Composes the report's sections from small projections, each fed every event of the set once, in
/// set order. They read only the facts stored with each event, never the catalog or the raw item,
/// and keep counts and capped lists only, so memory does not grow with the month.
/// </summary>
public sealed class MonthlyAggregator
{
    private readonly ReportPeriod period;
    private readonly CodeProjection codes;
    private readonly CoverageProjection coverage;
    private readonly LoginProjection logins;
    private readonly SecretsProjection secrets;
    private readonly ConfigurationProjection configuration;
    private readonly KeyEventsProjection keyEvents;
    private readonly FindingsProjection findings = new();
    private readonly ControlsProjection controls = new();
    private readonly IProjection[] projections;

    public MonthlyAggregator(ReportPeriod period, ReportSettings settings)
    {
        this.period = period;
        codes = new CodeProjection(settings.TopCount);
        coverage = new CoverageProjection(period);
        logins = new LoginProjection(period, settings);
        secrets = new SecretsProjection(settings);
        configuration = new ConfigurationProjection(period, settings);
        keyEvents = new KeyEventsProjection(settings);
        projections = [codes, coverage, logins, secrets, configuration, keyEvents, findings, controls];
    }

    /// <param name="local">The event's time in the report's zone, as the set has worked it out already.</param>
    public void Add(AuditEvent auditEvent, DateTimeOffset local)
    {
        var projected = new ProjectedEvent(auditEvent, local, DateOnly.FromDateTime(local.DateTime));
        foreach (var projection in projections)
        {
            projection.Add(projected);
        }
    }

    /// <param name="previous">The previous period's figures, for the month-over-month column and silent services.</param>
    /// <param name="quarantined">Items refused during the period.</param>
    /// <param name="digests">The set's day digests and version digest.</param>
    public MonthlyAggregate Complete(PeriodFigures previous, long quarantined, EventSetDigests digests)
    {
        var countsByCategory = codes.CountsByCategory();
        var loginSection = logins.Complete(codes);
        return new MonthlyAggregate(
            period,
            digests.Count,
            codes.CountsByCode(),
            countsByCategory,
            digests.Digest,
            digests.Days,
            codes.ByCode(),
            codes.CatalogVersions,
            Categories(countsByCategory, previous),
            findings.Complete(codes, loginSection),
            coverage.Complete(previous, quarantined),
            loginSection,
            secrets.Complete(codes),
            configuration.Complete(codes),
            OtherCategories.Select(category => new CategorySection(category.Id, category.Name, codes.CountOf(category.Id), codes.ByEvent(category.Id), codes.TopUsers(category.Id))).ToList(),
            codes.ByEvent(CatalogCategories.Uncategorized.Id),
            controls.Complete(),
            keyEvents.Complete(),
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

    /// <summary>Counts the previous period in a pass of its own, when it has no report: categories and services only.</summary>
    public static async Task<PeriodFigures> CountAsync(ReportPeriod period, IAsyncEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        var services = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var auditEvent in events.WithCancellation(cancellationToken))
        {
            if (period.Contains(auditEvent.OccurredAt))
            {
                counts[auditEvent.Facts.Category] = counts.GetValueOrDefault(auditEvent.Facts.Category) + 1;
                if (auditEvent.Facts.Service is { } service)
                {
                    services.Add(service);
                }
            }
        }
        return new PeriodFigures(counts, [.. services], "its events as stored: it has no report");
    }
}
