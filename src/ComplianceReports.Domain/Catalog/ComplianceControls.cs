namespace ComplianceReports.Domain.Catalog;

/// <summary>A control of shared/reference/compliance-controls.md that the monthly report serves.</summary>
/// <param name="EvidenceIds">How the catalog's "evidence for" names it, e.g. "PCI 10.2.1.4"; empty when no single event is evidence.</param>
/// <param name="SupportedBy">How the report supports a control that events alone do not evidence.</param>
public sealed record ComplianceControl(string Framework, string Control, string Asks, IReadOnlyList<string> EvidenceIds, string? SupportedBy = null);

public static class ComplianceControls
{
    public static IReadOnlyList<ComplianceControl> All { get; } =
    [
        new("PCI DSS v4.0", "10.2.1", "user access in general", ["PCI 10.2.1"]),
        new("PCI DSS v4.0", "10.2.1.1", "individual user access to cardholder data", ["PCI 10.2.1.1"]),
        new("PCI DSS v4.0", "10.2.1.2", "all actions by anyone with administrative access", ["PCI 10.2.1.2"]),
        new("PCI DSS v4.0", "10.2.1.3", "all access to audit logs", ["PCI 10.2.1.3"]),
        new("PCI DSS v4.0", "10.2.1.4", "invalid logical access attempts", ["PCI 10.2.1.4"]),
        new("PCI DSS v4.0", "10.2.1.5", "changes to identification and authentication credentials", ["PCI 10.2.1.5"]),
        new("PCI DSS v4.0", "10.2.1.6", "initialisation, stopping or pausing of audit logs", ["PCI 10.2.1.6"]),
        new("PCI DSS v4.0", "10.2.1.7", "creation and deletion of system-level objects", ["PCI 10.2.1.7"]),
        new("PCI DSS v4.0", "10.2.2", "each record: user id, event type, date and time, success or failure, origin, affected resource", [],
            "Every event of the period, with user, code, UTC time, outcome, source address and object, is in evidence.csv.gz."),
        new("PCI DSS v4.0", "10.4.1 / 10.4.1.1", "security events reviewed at least daily, by automated means", [],
            "This monthly report supports the daily review with findings and daily charts; it does not replace it."),
        new("PCI DSS v4.0", "11.5.2", "a change-detection mechanism alerts on unauthorised modification of critical files", ["PCI 11.5.2"]),
        new("PCI DSS v4.0", "10.5.1", "audit history kept 12 months, the last 3 immediately available", [],
            "The event store keeps every event; report versions are kept under a retention policy (see infra/)."),
        new("SOC 2", "CC6.1", "logical access restricted and reviewed (MFA, roles)", ["SOC 2 CC6.1"]),
        new("SOC 2", "CC7.1", "configuration changes detected", ["SOC 2 CC7.1"]),
        new("SOC 2", "CC7.2", "components monitored for anomalies", ["SOC 2 CC7.2"]),
        new("SOC 2", "CC8.1", "changes authorised and tracked", ["SOC 2 CC8.1"]),
        new("ISO/IEC 27001:2022", "A.8.15", "logs record user, activity, time, device, address; logs protected from tampering", ["ISO A.8.15"],
            "The evidence digest and the report's signature let a reader detect changes to the log and the report."),
        new("ISO/IEC 27001:2022", "A.8.16", "monitoring of access and of changes to configuration", ["ISO A.8.16"]),
        new("NIST SP 800-53 r5", "AU-2, AU-3, AU-12", "which events are logged, what each record holds", [],
            "The catalog (compliance catalog) names every event type logged; evidence.csv.gz holds each record."),
        new("NIST SP 800-53 r5", "AU-6", "review and analysis at a set frequency, findings reported", [],
            "This report is produced every month and lists its findings."),
        new("NIST SP 800-53 r5", "AU-9, AU-10", "protection of audit information, non-repudiation", [],
            "The evidence digest and the report's digital signature."),
        new("HIPAA", "164.312(b)", "mechanisms that record and examine activity", [],
            "The event store records activity; this report examines it monthly."),
    ];
}
