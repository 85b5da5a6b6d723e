namespace ComplianceReports.Functions;

/// <summary>Timer schedules as binding expressions: the value lives in app settings, the same for both hosts.</summary>
public static class FunctionSchedules
{
    /// <summary>NCRONTAB, always UTC. Default <c>0 0 2 * * *</c> (daily at 02:00 UTC) in local.settings.sample.json.</summary>
    public const string ReportSchedule = "%ReportSchedule%";

    /// <summary>NCRONTAB, always UTC. Default <c>0 * * * * *</c> (every minute) in local.settings.sample.json and infra/.</summary>
    public const string PoisonSchedule = "%PoisonSchedule%";
}
