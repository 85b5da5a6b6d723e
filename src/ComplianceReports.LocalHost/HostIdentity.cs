namespace ComplianceReports.LocalHost;

/// <summary>The host id under which WebJobs keeps its locks and timer status in storage.</summary>
public sealed record HostIdentity(string Id)
{
    public static readonly HostIdentity Local = new("compliance-reports-local");
}
