namespace ComplianceReports.Domain.Alerts;

/// <summary>What needs eyes now. Signals of one kind are grouped into one alert.</summary>
public enum AlertKind
{
    /// <summary>An event whose code the catalog marks as a finding was stored.</summary>
    Finding,

    /// <summary>Items of a message were quarantined.</summary>
    Quarantine,

    /// <summary>A poison queue grew: a message gave up after its last retry.</summary>
    Poison,

    /// <summary>A PrivX service sent nothing for <c>AlertSilenceAfter</c>.</summary>
    ServiceSilent,

    /// <summary>Nothing at all arrived for <c>AlertSilenceAfter</c>.</summary>
    SourceSilent,

    /// <summary>The PrivX collector failed to collect.</summary>
    CollectorFailed,

    /// <summary>A month's report is due and still missing.</summary>
    ReportOverdue,

    /// <summary>Generating a report failed.</summary>
    ReportFailed,

    /// <summary>A report version is still unreviewed after <c>ReviewDueAfter</c>.</summary>
    ReviewOverdue,
}
