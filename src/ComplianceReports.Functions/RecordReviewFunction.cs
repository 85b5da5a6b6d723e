using ComplianceReports.Pipeline.Reviews;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

/// <summary>Signs and records the reviews the CLI asks for on the <c>report-reviews</c> queue.</summary>
public sealed class RecordReviewFunction(ReportReviewing reviewing)
{
    public const string Name = "RecordReview";

    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.ReportReviews)] string message, CancellationToken cancellationToken) =>
        reviewing.ServeAsync(message, cancellationToken);
}
