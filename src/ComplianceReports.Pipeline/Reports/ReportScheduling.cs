using System.Globalization;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// Decides, on each timer run, which reports to ask for; <see cref="ReportGeneration"/> builds them.
/// Azure does not retry a failed timer run, so every run asks for everything still owed: each due
/// month that has events and no report (catch-up after downtime or a first deployment), and a new
/// version of each month one of whose UTC months' change markers was touched since its latest version
/// read them (a higher sequence; no clock decides). Only months with a change marker are looked at,
/// never scanned.
/// </summary>
public sealed partial class ReportScheduling(
    TableEventStore events,
    BlobReportStore reports,
    ReportRequestQueue requests,
    ReportRequestOutcomes outcomes,
    ReportOptions options,
    TimeProvider clock,
    ILogger<ReportScheduling> logger)
{
    /// <summary>Requests every report owed now; returns the requests sent.</summary>
    public async Task<IReadOnlyList<ReportRequest>> RequestDueReportsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var markers = await events.ReadChangeMarkersAsync(cancellationToken);
        var sent = new List<ReportRequest>();
        foreach (var period in CandidatePeriods(markers.Keys))
        {
            if (now < period.EndUtc + options.GracePeriod)
            {
                continue;
            }
            var sequences = period.UtcMonths.Select(month => (Month: month, Sequence: markers.GetValueOrDefault(month)?.Sequence ?? 0)).ToList();
            var latest = await reports.GetLatestAsync(period.Month, cancellationToken);
            if (latest is not null
                    ? sequences.All(marker => marker.Sequence <= latest.MarkerSequences.GetValueOrDefault(marker.Month.ToString()))
                    : !await HasEventsAsync(period, cancellationToken))
            {
                continue;
            }

            // The id names the change it answers: a past-due or repeated run asks again with the same id,
            // and one already answered (a touch that changed no event gives the same version) is not asked again.
            var request = new ReportRequest(
                period.Month.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"timer-{period.Month}-{string.Join('-', sequences.Select(marker => marker.Sequence))}"),
                RequestedBy: "timer");
            if (await outcomes.FindAsync(request.RequestId, cancellationToken) is not null)
            {
                continue;
            }
            await requests.SendAsync(request, cancellationToken);
            LogRequested(request.Month, request.RequestId, latest?.Version ?? 0);
            sent.Add(request);
        }
        return sent;
    }

    /// <summary>
    /// The months with events that have been due for longer than <paramref name="after"/> and still have
    /// no report, with when each became due.
    /// </summary>
    public async Task<IReadOnlyList<(Month Month, DateTimeOffset DueAt)>> OverdueAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var overdue = new List<(Month, DateTimeOffset)>();
        foreach (var period in CandidatePeriods((await events.ReadChangeMarkersAsync(cancellationToken)).Keys))
        {
            var dueAt = period.EndUtc + options.GracePeriod;
            if (now >= dueAt + after && !await reports.HasVersionAsync(period.Month, cancellationToken) && await HasEventsAsync(period, cancellationToken))
            {
                overdue.Add((period.Month, dueAt));
            }
        }
        return overdue;
    }

    /// <summary>
    /// Markers are per UTC month, so in another zone a neighbouring month may only look changed; the first
    /// event inside the period settles it, and a month without one reads just its boundary days.
    /// </summary>
    private async Task<bool> HasEventsAsync(ReportPeriod period, CancellationToken cancellationToken) =>
        await events.ReadDaysAsync(period.StartUtc, period.EndUtc, cancellationToken).AnyAsync(stored => period.Contains(stored.Event.OccurredAt), cancellationToken);

    /// <summary>The report months (in the report zone) that overlap a UTC month with events.</summary>
    private IEnumerable<ReportPeriod> CandidatePeriods(IEnumerable<Month> changedUtcMonths) =>
        changedUtcMonths
            .SelectMany(month => new[] { month.Previous, month, month.Next })
            .Distinct()
            .Order()
            .Select(month => new ReportPeriod(month, options.Settings.TimeZone))
            .Where(period => period.UtcMonths.Any(changedUtcMonths.Contains));

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested the {Month} report ({RequestId}); latest version so far: {LatestVersion}")]
    private partial void LogRequested(string month, string requestId, int latestVersion);
}
