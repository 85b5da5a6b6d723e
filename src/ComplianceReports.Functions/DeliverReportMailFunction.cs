using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class DeliverReportMailFunction(ReportMailing mailing)
{
    public const string Name = "DeliverReportMail";

    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.ReportMail)] string message, CancellationToken cancellationToken) =>
        mailing.DeliverAsync(message, cancellationToken);
}
