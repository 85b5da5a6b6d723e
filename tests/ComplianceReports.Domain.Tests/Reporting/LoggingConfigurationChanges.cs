using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The configuration section: a full change log, who did what when, to which object.</summary>
public class LoggingConfigurationChanges
{
    private static ConfigurationSection Configuration => Aggregate.Configuration;

    [Fact]
    public void Changes_are_counted_by_code_and_by_user()
    {
        Assert.Equal(5, Configuration.Total);
        Assert.Equal(
            [
                new CodeCount(201, "Role-added", 1),                 // E12
                new CodeCount(202, "Role-modified", 1),              // E13
                new CodeCount(203, "Role-removed", 1),               // E40
                new CodeCount(802, "Host-modified", 1),              // E19
                new CodeCount(1101, "Config-checksum-changed", 1),   // E50
            ],
            Configuration.ByEvent);
        // alice: E12 E13 E19 E40; E50 has no user.
        Assert.Equal([new("alice", 4), new NamedCount("(no user)", 1)], Configuration.ByUser);
    }

    [Fact]
    public void Changes_are_counted_per_local_day()
    {
        // 2nd: E12 E13; 5th: E19; 20th: E40; 29th: E50.
        Assert.Equal(October((2, 2), (5, 1), (20, 1), (29, 1)), Configuration.ChangesPerDay);
    }

    [Fact]
    public void The_change_log_has_every_change_with_its_object_and_the_modifications_as_details()
    {
        Assert.Equal(GoldenListedEvents.Changes, Configuration.ChangeLog.Events);
        Assert.Equal(0, Configuration.ChangeLog.NotListed);
        Assert.Equal(HostModifications, Configuration.ChangeLog.Events.Single(e => e.Code == 802).Details);
    }
}
