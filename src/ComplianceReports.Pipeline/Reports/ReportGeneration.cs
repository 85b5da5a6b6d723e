using ComplianceReports.Domain.Reporting;
using ComplianceReports.Rendering;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// Serves report requests: the one place where reports are generated. A report is a projection of the
/// event store; a month whose events have not changed since its latest version gets that version back.
/// </summary>
public sealed partial class ReportGeneration(
    TableEventStore events,
    BlobReportStore reports,
    MonthLocks locks,
    ReportRequestOutcomes outcomes,
    ReportPdfRenderer renderer,
    TimeProvider clock,
    ILogger<ReportGeneration> logger)
{
    /// <summary>Long enough for another generator to finish a large month; the queue retries after that.</summary>
    private static readonly TimeSpan MaxLockWait = TimeSpan.FromMinutes(4);

    public async Task<ReportRequestOutcome> ServeAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var month = request.ParsedMonth;
        ReportManifest manifest;
        bool newVersion;
        await using (await locks.AcquireAsync(month, MaxLockWait, cancellationToken))
        {
            var aggregate = await MonthlyAggregator.AggregateAsync(
                month, events.ReadMonthAsync(month, cancellationToken).Select(stored => stored.Event), cancellationToken);
            var latest = await reports.GetLatestAsync(month, cancellationToken);
            newVersion = latest is null || latest.EventDigest != aggregate.EventDigest;
            manifest = newVersion ? await PublishAsync(aggregate, (latest?.Version ?? 0) + 1, cancellationToken) : latest!;
        }

        var outcome = new ReportRequestOutcome(request.RequestId, manifest.Month, manifest.Version, manifest.EventCount, newVersion, clock.GetUtcNow());
        await outcomes.RecordAsync(outcome, cancellationToken);
        LogServed(request.RequestId, request.RequestedBy ?? "unknown", manifest.Month, manifest.Version, manifest.EventCount, newVersion);
        return outcome;
    }

    private async Task<ReportManifest> PublishAsync(MonthlyAggregate aggregate, int version, CancellationToken cancellationToken)
    {
        var report = new MonthlyReport(aggregate, version, clock.GetUtcNow());
        var files = new Dictionary<string, BinaryData>
        {
            [ReportFileNames.Pdf] = new(renderer.Render(report)),
            [ReportFileNames.Summary] = new(ReportSummary.From(report).ToUtf8Json()),
        };
        var manifest = new ReportManifest(
            report.Month.ToString(), version, aggregate.EventCount, aggregate.EventDigest, report.GeneratedAt, [.. files.Keys]);
        await reports.PublishAsync(manifest, files, cancellationToken);
        return manifest;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Report request {RequestId} from {RequestedBy}: {Month} version {Version}, {EventCount} events, new version: {NewVersion}")]
    private partial void LogServed(string requestId, string requestedBy, string month, int version, long eventCount, bool newVersion);
}
