using ComplianceReports.Pipeline.Alerts;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions;

public sealed class MonitorAlertsFunction(AlertMonitoring monitoring)
{
    public const string Name = "MonitorAlerts";

    [Function(Name)]
    public Task Run([TimerTrigger(FunctionSchedules.AlertSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        monitoring.RunAsync(cancellationToken);
}
