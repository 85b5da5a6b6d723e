using ComplianceReports.Functions;
using ComplianceReports.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using WorkerTimerInfo = Microsoft.Azure.Functions.Worker.TimerInfo;
using WorkerScheduleStatus = Microsoft.Azure.Functions.Worker.ScheduleStatus;

namespace ComplianceReports.LocalHost;

/// <summary>
/// The WebJobs SDK's view of the Functions app: one shim per function, with the same name, queue or
/// schedule, calling the same method on a fresh instance of the same class, as the isolated worker
/// does. No logic lives here; a test holds these bindings equal to the app's functions.metadata.
/// </summary>
public sealed class FunctionShims(IServiceProvider services)
{
    [FunctionName(IngestAuditEventsFunction.Name)]
    public Task IngestAuditEvents([QueueTrigger(QueueNames.AuditEvents)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        Create<IngestAuditEventsFunction>().Run(message, id, dequeueCount, cancellationToken);

    [FunctionName(ServeReportRequestFunction.Name)]
    public Task ServeReportRequest([QueueTrigger(QueueNames.ReportRequests)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        Create<ServeReportRequestFunction>().Run(message, dequeueCount, cancellationToken);

    [FunctionName(KeepPoisonedMessagesFunction.Name)]
    public Task KeepPoisonedMessages([TimerTrigger(FunctionSchedules.PoisonSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Create<KeepPoisonedMessagesFunction>().Run(ToWorker(timer), cancellationToken);

    [FunctionName(RecordReviewFunction.Name)]
    public Task RecordReview([QueueTrigger(QueueNames.ReportReviews)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        Create<RecordReviewFunction>().Run(message, dequeueCount, cancellationToken);

    [FunctionName(RequestMonthlyReportsFunction.Name)]
    public Task RequestMonthlyReports([TimerTrigger(FunctionSchedules.ReportSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Create<RequestMonthlyReportsFunction>().Run(ToWorker(timer), cancellationToken);

    [FunctionName(DeliverReportMailFunction.Name)]
    public Task DeliverReportMail([QueueTrigger(QueueNames.ReportMail)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        Create<DeliverReportMailFunction>().Run(message, dequeueCount, cancellationToken);

    [FunctionName(MonitorAlertsFunction.Name)]
    public Task MonitorAlerts([TimerTrigger(FunctionSchedules.AlertSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Create<MonitorAlertsFunction>().Run(ToWorker(timer), cancellationToken);

    [FunctionName(CollectPrivXEventsFunction.Name)]
    public Task CollectPrivXEvents([TimerTrigger(FunctionSchedules.CollectSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Create<CollectPrivXEventsFunction>().Run(ToWorker(timer), cancellationToken);

    [FunctionName(ServeCollectRequestFunction.Name)]
    public Task ServeCollectRequest([QueueTrigger(QueueNames.CollectRequests)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        Create<ServeCollectRequestFunction>().Run(message, dequeueCount, cancellationToken);

    private T Create<T>() where T : class => ActivatorUtilities.CreateInstance<T>(services);

    private static WorkerTimerInfo ToWorker(TimerInfo timer) => new()
    {
        IsPastDue = timer.IsPastDue,
        ScheduleStatus = timer.ScheduleStatus is { } status
            ? new WorkerScheduleStatus { Last = status.Last, Next = status.Next, LastUpdated = status.LastUpdated }
            : null,
    };
}
