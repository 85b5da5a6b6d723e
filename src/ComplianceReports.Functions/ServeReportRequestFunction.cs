using ComplianceReports.Domain.Contracts;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class ServeReportRequestFunction(ReportGeneration generation)
{
    public const string Name = "ServeReportRequest";

    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.ReportRequests)] string message, CancellationToken cancellationToken) =>
        generation.ServeAsync(message, cancellationToken);
}
