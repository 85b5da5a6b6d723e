using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Pipeline.Poison;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class DeliverReportMailFunction(ReportMailing mailing, FailedAttempts attempts)
{
    public const string Name = "DeliverReportMail";

    /// <param name="dequeueCount">Which attempt this is (trigger metadata), noted with its error if it fails.</param>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.ReportMail)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        attempts.RunAsync(QueueNames.ReportMail, message, dequeueCount, () => mailing.DeliverAsync(message, cancellationToken), cancellationToken);
}
