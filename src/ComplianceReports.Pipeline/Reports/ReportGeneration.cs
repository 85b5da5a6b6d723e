using System.Security.Cryptography;
using ComplianceReports.Domain.Alerts;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Alerts;
using ComplianceReports.Rendering;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// Serves report requests: the one place where reports are generated. It only orchestrates: the event
/// set (the domain) decides membership, digests and figures; the renderer draws; the store publishes.
/// A month whose set has not changed since its latest version gets that version back; a changed one
/// gets a new version that names what it adds.
/// </summary>
public sealed partial class ReportGeneration(
    TableEventStore events,
    SealedDays sealedDays,
    QuarantineStore quarantine,
    BlobReportStore reports,
    MonthLocks locks,
    ReportRequestOutcomes outcomes,
    ReportPdfRenderer renderer,
    ReportSigning signing,
    Delivery.ReportMailing mailing,
    Alerting alerting,
    ReportOptions options,
    TimeProvider clock,
    ILogger<ReportGeneration> logger)
{
    /// <summary>Long enough for another generator to finish a large month; the queue retries after that.</summary>
    private static readonly TimeSpan MaxLockWait = TimeSpan.FromMinutes(4);

    /// <summary>Serves a request as it came off the queue; one that is not a request fails, saying why.</summary>
    public Task<ReportRequestOutcome> ServeAsync(string message, CancellationToken cancellationToken) =>
        ServeAsync(ReportRequest.FromJson(message), cancellationToken);

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
            // Copies of one request (the timer's, redelivered) queue behind a long generation: the first
            // to get the month answers them all.
            if (await outcomes.FindAsync(request.RequestId, cancellationToken) is { } servedMeanwhile)
            {
                return servedMeanwhile;
            }
            using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            try
            {
                (manifest, newVersion) = await GenerateAsync(period, lease, held.Token);
            }
            catch (Exception e) when (e is not (OperationCanceledException or MonthLeaseLostException or ReportVersionConflictException))
            {
                // A lost lease or a version another generator published is a race the retry settles; anything else needs eyes.
                await alerting.RaiseAsync(AlertSignal.ReportFailed(request.Month, request.RequestId, e.GetType().Name, clock.GetUtcNow()), cancellationToken);
                throw;
            }
        }

        // Only a new version is mailed: a month asked again without a change gets its latest back, and nothing goes out.
        if (newVersion)
        {
            await mailing.EnqueueAsync(manifest, cancellationToken);
        }

        var outcome = new ReportRequestOutcome(request.RequestId, manifest.Month, manifest.Version, manifest.EventCount, newVersion, clock.GetUtcNow());
        await outcomes.RecordAsync(outcome, cancellationToken);
        LogServed(request.RequestId, UntrustedText.ForLog(request.RequestedBy), manifest.Month, manifest.Version, manifest.EventCount, newVersion);
        return outcome;
    }

    private async Task<(ReportManifest Manifest, bool NewVersion)> GenerateAsync(ReportPeriod period, MonthLease lease, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var readAt = clock.GetUtcNow();
        // Read before the events: a message that touches the month after this read raises its markers
        // past what this version records, so an event this read misses always gets a later version.
        var markers = await events.ReadChangeMarkersAsync(period, cancellationToken);
        var markerSequences = period.UtcMonths.ToDictionary(month => month.ToString(), month => markers.MonthSequence(month));
        var latest = await reports.GetLatestAsync(period.Month, cancellationToken);
        if (latest is not null && latest.TimeZone == period.TimeZoneId
            && markerSequences.All(marker => latest.MarkerSequences.TryGetValue(marker.Key, out var seen) && seen == marker.Value))
        {
            // Nothing touched the month since its latest version read the same markers: no event to read.
            return (latest, false);
        }

        var phases = new GenerationPhases(clock);
        using var set = new EventSet(period, options.Settings);
        await using var days = await sealedDays.ReadAsync(set, markers, readAt, cancellationToken);
        phases.End("days");
        var published = latest is null ? null : Published(latest);
        if (!set.IsNewAgainst(published))
        {
            LogUnchanged(period.Month.ToString(), latest!.Version, days.FromSeals, days.FromStore);
            return (latest!, false);
        }

        var aggregate = set.Complete(
            await PreviousMonthAsync(period.Previous, readAt, cancellationToken),
            await quarantine.CountAsync(period.StartUtc, period.EndUtc, readAt, cancellationToken));
        var report = new MonthlyReport(
            aggregate,
            options.Settings,
            (latest?.Version ?? 0) + 1,
            clock.GetUtcNow(),
            readAt,
            published is null ? null : EventSet.ChangeSince(published, aggregate));
        phases.End("figures");

        await using var evidence = TemporaryFiles.Create();
        await days.WriteEvidenceAsync(evidence, cancellationToken);
        var summary = new MemoryStream(ReportSummary.From(report).ToUtf8Json(), writable: false);
        var claim = ReportClaim.For(report, Sha256(evidence), Sha256(summary));
        phases.End("evidence");
        var signer = await signing.SignerAsync(cancellationToken);
        await using var pdf = TemporaryFiles.Create();
        renderer.Render(report, pdf, document =>
        {
            SignedClaim.Embed(document, claim.ToUtf8Json());
            signer.Attach(document);
        });
        phases.End("pdf");

        var manifest = new ReportManifest(
            ReportManifest.CurrentSchemaVersion,
            report.Month.ToString(),
            report.Version,
            aggregate.EventCount,
            aggregate.EventDigest,
            report.GeneratedAt,
            new Dictionary<string, string>(),
            period.TimeZoneId,
            readAt,
            markerSequences,
            aggregate.CountsByCategory,
            aggregate.Coverage.ServicesSeen);
        ReportFile[] files = [new(ReportFileNames.Pdf, Rewound(pdf)), new(ReportFileNames.Summary, Rewound(summary)), new(ReportFileNames.Evidence, Rewound(evidence))];
        var publishedManifest = await reports.PublishAsync(manifest, files, lease, cancellationToken);
        phases.End("publish");
        LogGenerated(manifest.Month, manifest.Version, manifest.EventCount, days.FromSeals, days.FromStore, clock.GetElapsedTime(started).TotalSeconds, phases.ToString());
        return (publishedManifest, true);
    }

    /// <summary>
    /// The previous month as its latest report published it, so a version always compares with the
    /// same figures; from its days (sealed, or read and sealed now) only when that month has no report.
    /// </summary>
    private async Task<PeriodFigures> PreviousMonthAsync(ReportPeriod previous, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        if (await reports.GetLatestAsync(previous.Month, cancellationToken) is { } version && version.TimeZone == previous.TimeZoneId)
        {
            return PeriodFigures.Of(Published(version));
        }
        using var set = new EventSet(previous, options.Settings);
        var markers = await events.ReadChangeMarkersAsync(previous, cancellationToken);
        await using var days = await sealedDays.ReadAsync(set, markers, readAt, cancellationToken);
        return PeriodFigures.Of(set.Days);
    }

    /// <summary>Where a version's time went, for an operator asking why one took long: each phase's seconds since the last.</summary>
    private sealed class GenerationPhases(TimeProvider clock)
    {
        private readonly List<string> ended = [];
        private long last = clock.GetTimestamp();

        public void End(string phase)
        {
            var now = clock.GetTimestamp();
            ended.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{phase} {clock.GetElapsedTime(last, now).TotalSeconds:0.00} s"));
            last = now;
        }

        public override string ToString() => string.Join(", ", ended);
    }

    private static PublishedSet Published(ReportManifest manifest) =>
        new(manifest.Month, manifest.Version, manifest.EventCount, manifest.EventDigest, manifest.TimeZone, manifest.CountsByCategory, manifest.Services);

    private static string Sha256(Stream content)
    {
        content.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    private static Stream Rewound(Stream content)
    {
        content.Position = 0;
        return content;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Month} version {Version}: {EventCount} events, {SealedDays} days from seals, {ReadDays} read from the store, in {Seconds:0.0} s ({Phases})")]
    private partial void LogGenerated(string month, int version, long eventCount, int sealedDays, int readDays, double seconds, string phases);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Month} is unchanged since version {Version}: {SealedDays} days from seals, {ReadDays} read again from the store")]
    private partial void LogUnchanged(string month, int version, int sealedDays, int readDays);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Report request {RequestId} from {RequestedBy}: {Month} version {Version}, {EventCount} events, new version: {NewVersion}")]
    private partial void LogServed(string requestId, string requestedBy, string month, int version, long eventCount, bool newVersion);
}
