using System.Security.Cryptography;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
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
            (manifest, newVersion) = await GenerateAsync(period, lease, held.Token);
        }

        var outcome = new ReportRequestOutcome(request.RequestId, manifest.Month, manifest.Version, manifest.EventCount, newVersion, clock.GetUtcNow());
        await outcomes.RecordAsync(outcome, cancellationToken);
        LogServed(request.RequestId, UntrustedText.ForLog(request.RequestedBy), manifest.Month, manifest.Version, manifest.EventCount, newVersion);
        return outcome;
    }

    private async Task<(ReportManifest Manifest, bool NewVersion)> GenerateAsync(ReportPeriod period, MonthLease lease, CancellationToken cancellationToken)
    {
        var readAt = clock.GetUtcNow();
        // Read before the events: a message that touches the month after this read raises its marker
        // past what this version records, so an event this read misses always gets a later version.
        var markers = await events.ReadChangeMarkersAsync(period.UtcMonths, cancellationToken);
        var markerSequences = period.UtcMonths.ToDictionary(month => month.ToString(), month => markers.GetValueOrDefault(month)?.Sequence ?? 0);
        var latest = await reports.GetLatestAsync(period.Month, cancellationToken);

        await using var evidence = TemporaryFile();
        using var set = new EventSet(period, options.Settings);
        await using (var csv = EvidenceCsv.Open(evidence))
        {
            await foreach (var stored in events.ReadDaysAsync(period.StartUtc, period.EndUtc, cancellationToken))
            {
                if (set.Add(stored.Event, stored.IngestedAt, stored.KeyIdentity) is { } row)
                {
                    await csv.AddAsync(row);
                }
            }
        }
        var published = latest is null ? null : Published(latest);
        if (!set.IsNewAgainst(published))
        {
            return (latest!, false);
        }

        var aggregate = set.Complete(
            await PreviousMonthAsync(period.Previous, cancellationToken),
            await quarantine.CountAsync(period.StartUtc, period.EndUtc, readAt, cancellationToken));
        var report = new MonthlyReport(
            aggregate,
            options.Settings,
            (latest?.Version ?? 0) + 1,
            clock.GetUtcNow(),
            readAt,
            published is null ? null : EventSet.ChangeSince(published, aggregate));

        var summary = new MemoryStream(ReportSummary.From(report).ToUtf8Json(), writable: false);
        var claim = ReportClaim.For(report, Sha256(evidence), Sha256(summary));
        var signer = await signing.SignerAsync(cancellationToken);
        await using var pdf = TemporaryFile();
        renderer.Render(report, pdf, document =>
        {
            SignedClaim.Embed(document, claim.ToUtf8Json());
            signer.Attach(document);
        });

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
        return (await reports.PublishAsync(manifest, files, lease, cancellationToken), true);
    }

    /// <summary>
    /// The previous month as its latest report published it, so a version always compares with the
    /// same figures; counted from the store only when that month has no report.
    /// </summary>
    private async Task<PeriodFigures> PreviousMonthAsync(ReportPeriod previous, CancellationToken cancellationToken) =>
        await reports.GetLatestAsync(previous.Month, cancellationToken) is { } version && version.TimeZone == previous.TimeZoneId
            ? PeriodFigures.Of(Published(version))
            : await PeriodFigures.CountAsync(
                previous, events.ReadDaysAsync(previous.StartUtc, previous.EndUtc, cancellationToken).Select(stored => stored.Event), cancellationToken);

    private static PublishedSet Published(ReportManifest manifest) =>
        new(manifest.Month, manifest.Version, manifest.EventCount, manifest.EventDigest, manifest.TimeZone, manifest.CountsByCategory, manifest.Services);

    private static FileStream TemporaryFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

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
        Message = "Report request {RequestId} from {RequestedBy}: {Month} version {Version}, {EventCount} events, new version: {NewVersion}")]
    private partial void LogServed(string requestId, string requestedBy, string month, int version, long eventCount, bool newVersion);
}
