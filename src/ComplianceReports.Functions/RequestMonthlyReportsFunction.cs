using ComplianceReports.Pipeline.Reports;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class RequestMonthlyReportsFunction(ReportScheduling scheduling)
{
    public const string Name = "RequestMonthlyReports";

    [Function(Name)]
    public Task Run([TimerTrigger(FunctionSchedules.ReportSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        scheduling.RequestDueReportsAsync(cancellationToken);
}
