using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>Decides, on each timer run, which reports to ask for. It asks; <see cref="ReportGeneration"/> builds.</summary>
public sealed partial class ReportScheduling(BlobReportStore reports, ReportRequestQueue requests, TimeProvider clock, ILogger<ReportScheduling> logger)
{
    /// <summary>Asks for the previous month's report if it has none yet; returns the month asked for, if any.</summary>
    public async Task<Month?> RequestDueReportsAsync(CancellationToken cancellationToken)
    {
        var previous = Month.Of(clock.GetUtcNow()).Previous;
        if (await reports.GetLatestAsync(previous, cancellationToken) is not null)
        {
            return null;
        }

        var request = ReportRequest.For(previous, requestedBy: "timer");
        await requests.SendAsync(request, cancellationToken);
        LogRequested(previous.ToString(), request.RequestId);
        return previous;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested the {Month} report ({RequestId})")]
    private partial void LogRequested(string month, string requestId);
}
