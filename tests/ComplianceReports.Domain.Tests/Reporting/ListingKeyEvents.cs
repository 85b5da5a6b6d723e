using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The golden month's events a report lists by name, written out by hand from the table.</summary>
internal static class GoldenListedEvents
{
    public static readonly ListedEvent E12 = new(T("2026-10-02T08:00:00Z"), 201, "Role-added", "configuration", "alice", "10.0.4.17", "db-admins", null);
    public static readonly ListedEvent E13 = new(T("2026-10-02T08:05:00Z"), 202, "Role-modified", "configuration", "alice", "10.0.4.17", "db-admins", null);
    public static readonly ListedEvent E14 = new(T("2026-10-02T20:59:59Z"), 1402, "Secret-accessed", "secrets", "carol", "10.0.4.17", "prod/db/root-password", null);
    public static readonly ListedEvent E17 = new(T("2026-10-05T06:00:00Z"), 230, "AWS-token-granted", "secrets", "erin", "10.0.4.19", "aws-prod-admin", null);
    public static readonly ListedEvent E18 = new(T("2026-10-05T06:30:00Z"), 260, "Authorized-key-added", "secrets", "erin", "10.0.4.19", "erin@laptop", null);
    public static readonly ListedEvent E19 = new(T("2026-10-05T12:00:00Z"), 802, "Host-modified", "configuration", "alice", "10.0.4.17", "db01.example.com", HostModifications);
    public static readonly ListedEvent E27 = new(T("2026-10-12T08:00:00Z"), 1403, "Secret-changed", "secrets", "alice", "10.0.4.17", "prod/db/root-password", null);
    public static readonly ListedEvent E28 = new(T("2026-10-12T08:30:00Z"), 261, "Authorized-key-modified", "secrets", "erin", "10.0.4.19", "erin@laptop", null);
    public static readonly ListedEvent E29 = new(T("2026-10-14T13:00:00Z"), 12, "Service-stopped", "system", null, null, null, null, Finding: true);
    public static readonly ListedEvent E32 = new(T("2026-10-14T13:10:00Z"), 1006, "Trail-file-integrity-failed", "integrity", null, null, null, "checksum mismatch, trail 8d2a", Finding: true);
    public static readonly ListedEvent E33 = new(T("2026-10-16T10:00:00Z"), 250, "RoleContext-usage-alert", "access", "dave", "198.51.100.23", "db-admins", "source address outside the role's networks", Finding: true);
    public static readonly ListedEvent E39 = new(T("2026-10-19T06:05:00Z"), 1400, "Secret-created", "secrets", "erin", "10.0.4.19", "ci/deploy-token", null);
    public static readonly ListedEvent E40 = new(T("2026-10-20T09:00:00Z"), 203, "Role-removed", "configuration", "alice", "10.0.4.17", "legacy-ops", null);
    public static readonly ListedEvent E42 = new(T("2026-10-21T18:10:00Z"), 1401, "Secret-removed", "secrets", "alice", "10.0.4.17", "ci/deploy-token", null);
    // Authorized-key-removed without a name: no object (the secrets section counts it as "(not named)").
    public static readonly ListedEvent E48 = new(T("2026-10-27T10:30:00Z"), 262, "Authorized-key-removed", "secrets", "erin", "10.0.4.19", null, null);
    public static readonly ListedEvent E50 = new(T("2026-10-29T03:00:00Z"), 1101, "Config-checksum-changed", "configuration", null, null, "/opt/privx/etc/shared-config.toml", null, Finding: true);

    public static readonly ListedEvent[] Secrets = [E14, E17, E18, E27, E28, E39, E42, E48];

    public static readonly ListedEvent[] Changes = [E12, E13, E19, E40, E50];

    /// <summary>Secrets, configuration changes and findings (12, 1006, 250; 1101 is a change and a finding, listed once).</summary>
    public static readonly ListedEvent[] Key = [E12, E13, E14, E17, E18, E19, E27, E28, E29, E32, E33, E39, E40, E42, E48, E50];
}

/// <summary>Key events: every secrets event, configuration change and finding, in time order, up to a cap.</summary>
public class ListingKeyEvents
{
    [Fact]
    public void Secrets_changes_and_findings_are_listed_in_time_order()
    {
        Assert.Equal(GoldenListedEvents.Key, Aggregate.KeyEvents.Events);
        Assert.Equal(0, Aggregate.KeyEvents.NotListed);
    }

    [Fact]
    public void With_a_small_cap_the_first_events_are_listed_and_the_rest_counted()
    {
        var capped = AggregateWith(Settings with { MaxListedEvents = 3 });

        Assert.Equal([GoldenListedEvents.E12, GoldenListedEvents.E13, GoldenListedEvents.E14], capped.KeyEvents.Events);
        Assert.Equal(16 - 3, capped.KeyEvents.NotListed);
        Assert.Equal([GoldenListedEvents.E14, GoldenListedEvents.E17, GoldenListedEvents.E18], capped.Secrets.Events.Events);
        Assert.Equal(8 - 3, capped.Secrets.Events.NotListed);
        Assert.Equal([GoldenListedEvents.E12, GoldenListedEvents.E13, GoldenListedEvents.E19], capped.Configuration.ChangeLog.Events);
        Assert.Equal(5 - 3, capped.Configuration.ChangeLog.NotListed);
    }

    [Fact]
    public void The_cap_lists_events_only_it_changes_no_count()
    {
        var capped = AggregateWith(Settings with { MaxListedEvents = 3 });

        Assert.Equal(8, capped.Secrets.Total);
        Assert.Equal(5, capped.Configuration.Total);
        Assert.Equal(Aggregate.EventDigest, capped.EventDigest);
        Assert.Equal(Aggregate.CountsByCode, capped.CountsByCode);
        Assert.Equal(Aggregate.Secrets.BySecret, capped.Secrets.BySecret);
    }

    [Fact]
    public void A_cap_of_zero_lists_nothing_and_counts_everything_as_not_listed()
    {
        var capped = AggregateWith(Settings with { MaxListedEvents = 0 });

        Assert.Empty(capped.KeyEvents.Events);
        Assert.Equal(16, capped.KeyEvents.NotListed);
        Assert.Equal(8, capped.Secrets.Events.NotListed);
        Assert.Equal(5, capped.Configuration.ChangeLog.NotListed);
    }
}
