using ComplianceReports.Pipeline.Poison;
using ComplianceReports.Pipeline.Reviews;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

/// <summary>Signs and records the reviews the CLI asks for on the <c>report-reviews</c> queue.</summary>
public sealed class RecordReviewFunction(ReportReviewing reviewing, FailedAttempts attempts)
{
    public const string Name = "RecordReview";

    /// <param name="dequeueCount">Which attempt this is (trigger metadata), noted with its error if it fails.</param>
    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.ReportReviews)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        attempts.RunAsync(QueueNames.ReportReviews, message, dequeueCount, () => reviewing.ServeAsync(message, cancellationToken), cancellationToken);
}
