using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The controls of compliance-controls.md, each with the golden month's events that are evidence for it.</summary>
public class MappingEventsToControls
{
    private static ControlEvidence Control(string control) => Aggregate.Controls.Single(evidence => evidence.Control == control);

    [Fact]
    public void Every_control_is_listed_in_the_documents_order()
    {
        Assert.Equal(
            [
                "10.2.1", "10.2.1.1", "10.2.1.2", "10.2.1.3", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.2.1.7", "10.2.2",
                "10.4.1 / 10.4.1.1", "11.5.2", "10.5.1", "CC6.1", "CC7.1", "CC7.2", "CC8.1", "A.8.15", "A.8.16",
                "AU-2, AU-3, AU-12", "AU-6", "AU-9, AU-10", "164.312(b)",
            ],
            Aggregate.Controls.Select(evidence => evidence.Control));
    }

    [Fact]
    public void Invalid_access_attempts_are_evidenced_by_every_failed_authentication()
    {
        var control = Control("10.2.1.4");

        Assert.Equal("PCI DSS v4.0", control.Framework);
        Assert.Equal("invalid logical access attempts", control.Asks);
        // Catalog codes naming PCI 10.2.1.4 that have events: 102 (E7 E8 E10 E15 E34 E35), 111 (E24), 122 (E25),
        // 130 (E9), 213 (E26). The others (231, 302, 304, 312, 325, 338, 403, 405, 521) have none.
        Assert.Equal(
            [
                new CodeCount(102, "User-login-failed", 6),
                new CodeCount(111, "User-access-token-refresh-failed", 1),
                new CodeCount(122, "OAuth-client-authentication-failed", 1),
                new CodeCount(130, "User-login-attempt-rate-limited", 1),
                new CodeCount(213, "Directory-authentication-failed", 1),
            ],
            control.Events);
        Assert.Equal(10, control.Total);
        Assert.Null(control.SupportedBy);
    }

    [Fact]
    public void Anomaly_monitoring_is_evidenced_by_the_alerts_and_the_rate_limit()
    {
        var control = Control("CC7.2");

        Assert.Equal("SOC 2", control.Framework);
        // SOC 2 CC7.2 with events: 12 (E29), 130 (E9), 250 (E33), 1006 (E32). Not 1101 (CC7.1 only), 10 or 1000.
        Assert.Equal(
            [
                new CodeCount(12, "Service-stopped", 1),
                new CodeCount(130, "User-login-attempt-rate-limited", 1),
                new CodeCount(250, "RoleContext-usage-alert", 1),
                new CodeCount(1006, "Trail-file-integrity-failed", 1),
            ],
            control.Events);
        Assert.Equal(4, control.Total);
    }

    [Fact]
    public void Change_detection_is_evidenced_by_the_config_checksum_change()
    {
        var control = Control("11.5.2");

        Assert.Equal([new CodeCount(1101, "Config-checksum-changed", 1)], control.Events);  // E50
        Assert.Equal(1, control.Total);
    }

    [Fact]
    public void Stopping_audit_logs_is_evidenced_by_service_starts_and_stops()
    {
        var control = Control("10.2.1.6");

        // PCI 10.2.1.6 with events: 10 (E30), 12 (E29). 1006 is not evidence for it.
        Assert.Equal([new CodeCount(10, "Service-starting", 1), new CodeCount(12, "Service-stopped", 1)], control.Events);
        Assert.Equal(2, control.Total);
    }

    [Fact]
    public void A_control_no_event_evidences_says_how_the_report_supports_it()
    {
        var control = Control("10.2.2");

        Assert.Empty(control.Events);
        Assert.Equal(0, control.Total);
        Assert.Equal(
            "Every event of the period, with user, code, UTC time, outcome, source address and object, is in evidence.csv.gz.",
            control.SupportedBy);
    }

    [Fact]
    public void A_control_can_have_both_events_and_a_statement_of_support()
    {
        var control = Control("A.8.15");

        Assert.Equal([new CodeCount(1000, "Trail-opened", 1), new CodeCount(1006, "Trail-file-integrity-failed", 1)], control.Events);  // E31 E32
        Assert.Equal(2, control.Total);
        Assert.NotNull(control.SupportedBy);
    }

    [Fact]
    public void A_control_whose_events_did_not_happen_has_none()
    {
        // PCI 10.2.1.3 (access to audit logs): 700, 1007, 1207; none this month.
        var control = Control("10.2.1.3");

        Assert.Empty(control.Events);
        Assert.Equal(0, control.Total);
        Assert.Null(control.SupportedBy);
    }
}
