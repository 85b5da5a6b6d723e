using ComplianceReports.Pipeline.Poison;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class ServeReportRequestFunction(ReportGeneration generation, FailedAttempts attempts)
{
    public const string Name = "ServeReportRequest";

    /// <param name="dequeueCount">Which attempt this is (trigger metadata), noted with its error if it fails.</param>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.ReportRequests)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        attempts.RunAsync(QueueNames.ReportRequests, message, dequeueCount, () => generation.ServeAsync(message, cancellationToken), cancellationToken);
}
