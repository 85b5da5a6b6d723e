namespace ComplianceReports.Functions;

/// <summary>Timer schedules as binding expressions: the value lives in app settings, the same for both hosts.</summary>
public static class FunctionSchedules
{
    /// <summary>NCRONTAB, always UTC. Default <c>0 0 2 * * *</c> (daily at 02:00 UTC) in local.settings.sample.json.</summary>
    public const string ReportSchedule = "%ReportSchedule%";

    /// <summary>
    /// Every 15 seconds, fixed: alerts are raised within a minute of their cause (a signal waits at most
    /// 40 seconds for others of its kind), and a run that finds nothing pending costs a few table reads.
    /// </summary>
    public const string AlertSchedule = "*/15 * * * * *";
}
