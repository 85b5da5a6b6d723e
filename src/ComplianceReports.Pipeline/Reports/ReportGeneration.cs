using ComplianceReports.Domain.Reporting;
using ComplianceReports.Rendering;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// Serves report requests: the one place where reports are generated. A version is a projection of the
/// event store: the period's events stored up to its cutoff. A month whose set has not changed since
/// its latest version gets that version back; a changed one gets a new version that names what it adds.
/// </summary>
public sealed partial class ReportGeneration(
    TableEventStore events,
    QuarantineStore quarantine,
    BlobReportStore reports,
    MonthLocks locks,
    ReportRequestOutcomes outcomes,
    ReportPdfRenderer renderer,
    ReportSigning signing,
    ReportOptions options,
    TimeProvider clock,
    ILogger<ReportGeneration> logger)
{
    /// <summary>Long enough for another generator to finish a large month; the queue retries after that.</summary>
    private static readonly TimeSpan MaxLockWait = TimeSpan.FromMinutes(4);

    public async Task<ReportRequestOutcome> ServeAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        // A request is served once: a redelivered message or a timer run that asked again finds its answer.
        if (await outcomes.FindAsync(request.RequestId, cancellationToken) is { } served)
        {
            return served;
        }
        var period = new ReportPeriod(request.ParsedMonth, options.Settings.TimeZone);
        ReportManifest manifest;
        bool newVersion;
        await using (var lease = await locks.AcquireAsync(period.Month, MaxLockWait, cancellationToken))
        {
            // Read before the cutoff and the events: whatever this version leaves out was touched later, with a higher sequence.
            var markers = await events.ReadChangeMarkersAsync(cancellationToken);
            var markerSequences = period.UtcMonths.ToDictionary(month => month.ToString(), month => markers.GetValueOrDefault(month)?.Sequence ?? 0);
            var cutoff = clock.GetUtcNow();
            await Task.Delay(options.SettleTime, clock, cancellationToken);

            var latest = await reports.GetLatestAsync(period.Month, cancellationToken);
            await using var evidence = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            var (aggregator, latestCounts) = await AggregateAsync(period, cutoff, latest?.ReadAt, evidence, cancellationToken);
            using (aggregator)
            {
                newVersion = latest is null || latest.EventDigest != aggregator.Digest || latest.TimeZone != period.TimeZoneId;
                manifest = newVersion
                    ? await PublishAsync(aggregator, period, cutoff, markerSequences, latest is null ? null : (latest, latestCounts), evidence, lease, cancellationToken)
                    : latest!;
            }
        }

        var outcome = new ReportRequestOutcome(request.RequestId, manifest.Month, manifest.Version, manifest.EventCount, newVersion, clock.GetUtcNow());
        await outcomes.RecordAsync(outcome, cancellationToken);
        LogServed(request.RequestId, request.RequestedBy ?? "unknown", manifest.Month, manifest.Version, manifest.EventCount, newVersion);
        return outcome;
    }

    /// <summary>
    /// One pass over the store: the figures and the evidence file of the same event set, and, per
    /// category, how many of its events the latest version's set (its cutoff is earlier) already held.
    /// </summary>
    private async Task<(MonthlyAggregator Aggregator, Dictionary<string, long> LatestCounts)> AggregateAsync(
        ReportPeriod period, DateTimeOffset cutoff, DateTimeOffset? latestCutoff, Stream evidence, CancellationToken cancellationToken)
    {
        var aggregator = new MonthlyAggregator(period, cutoff, options.Settings);
        var latestCounts = new Dictionary<string, long>();
        await using (var csv = new EvidenceCsv(evidence))
        {
            await foreach (var stored in events.ReadDaysAsync(period.StartUtc, period.EndUtc, cancellationToken))
            {
                if (aggregator.Add(stored.Event, stored.IngestedAt))
                {
                    await csv.AddAsync(stored.Event, stored.IngestedAt);
                    if (stored.IngestedAt <= latestCutoff)
                    {
                        latestCounts[stored.Event.Facts.Category] = latestCounts.GetValueOrDefault(stored.Event.Facts.Category) + 1;
                    }
                }
            }
        }
        return (aggregator, latestCounts);
    }

    private async Task<ReportManifest> PublishAsync(
        MonthlyAggregator aggregator,
        ReportPeriod period,
        DateTimeOffset cutoff,
        IReadOnlyDictionary<string, long> markerSequences,
        (ReportManifest Manifest, Dictionary<string, long> Counts)? latest,
        Stream evidence,
        MonthLease lease,
        CancellationToken cancellationToken)
    {
        var previousPeriod = period.Previous;
        var previous = await PeriodFigures.CountAsync(
            previousPeriod,
            cutoff,
            events.ReadDaysAsync(previousPeriod.StartUtc, previousPeriod.EndUtc, cancellationToken).Select(stored => (stored.Event, stored.IngestedAt)),
            cancellationToken);
        var quarantined = await quarantine.CountAsync(period.StartUtc, period.EndUtc, cutoff, cancellationToken);
        var aggregate = aggregator.Complete(previous, quarantined);

        var version = (latest?.Manifest.Version ?? 0) + 1;
        var change = latest is { } before ? ChangeSince(before.Manifest, before.Counts, aggregate) : null;
        var report = new MonthlyReport(aggregate, options.Settings, version, clock.GetUtcNow(), change);

        evidence.Position = 0;
        ReportFile[] files =
        [
            new(ReportFileNames.Pdf, new MemoryStream(signing.Sign(renderer.Render(report), options.Settings.Organisation))),
            new(ReportFileNames.Summary, new MemoryStream(ReportSummary.From(report).ToUtf8Json())),
            new(ReportFileNames.Evidence, evidence),
        ];
        var manifest = new ReportManifest(
            ReportManifest.CurrentSchemaVersion, report.Month.ToString(), version, aggregate.EventCount, aggregate.EventDigest, report.GeneratedAt,
            new Dictionary<string, string>(), period.TimeZoneId, cutoff, markerSequences, aggregate.CountsByCategory,
            [.. aggregate.Coverage.ServicesSeen.Order(StringComparer.Ordinal)]);
        return await reports.PublishAsync(manifest, files, lease, cancellationToken);
    }

    /// <summary>
    /// Events only ever arrive, so what a later version adds is the difference of the two sets' counts,
    /// the earlier set counted from the store in the same pass, not read back from its files.
    /// </summary>
    private static VersionChange ChangeSince(ReportManifest latest, Dictionary<string, long> latestCounts, MonthlyAggregate aggregate) =>
        new(
            latest.Version,
            latest.EventCount,
            aggregate.EventCount - latest.EventCount,
            aggregate.CountsByCategory
                .Select(pair => (pair.Key, Added: pair.Value - latestCounts.GetValueOrDefault(pair.Key)))
                .Where(pair => pair.Added != 0)
                .ToDictionary(pair => pair.Key, pair => pair.Added));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Report request {RequestId} from {RequestedBy}: {Month} version {Version}, {EventCount} events, new version: {NewVersion}")]
    private partial void LogServed(string requestId, string requestedBy, string month, int version, long eventCount, bool newVersion);
}
