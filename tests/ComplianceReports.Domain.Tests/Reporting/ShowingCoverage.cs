using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>How complete the evidence is: first and last event, quiet days, services seen and silent, quarantine.</summary>
public class ShowingCoverage
{
    [Fact]
    public void First_and_last_events_are_the_first_and_last_local_instants_of_the_month()
    {
        // E1: 1 Oct 00:00 Helsinki (UTC+3); E51: 31 Oct 23:59:59.9999999 Helsinki (UTC+2).
        Assert.Equal(T("2026-09-30T21:00:00Z"), Aggregate.Coverage.FirstEvent);
        Assert.Equal(T("2026-10-31T21:59:59.9999999Z"), Aggregate.Coverage.LastEvent);
    }

    [Fact]
    public void Local_days_without_events_are_listed()
    {
        // Days with events (local): 1 2 3 5 6 8 12 14 16 19 20 21 25 26 27 28 29 31. The 22nd has only X3, stored
        // after version 1 read the store; E14 (20:59:59 UTC) is still the 2nd locally and E15 (23:30 UTC on the 2nd) is the 3rd.
        int[] quiet = [4, 7, 9, 10, 11, 13, 15, 17, 18, 22, 23, 24, 30];

        Assert.Equal(quiet.Select(day => new DateOnly(2026, 10, day)), Aggregate.Coverage.DaysWithoutEvents);
    }

    [Fact]
    public void Services_seen_are_listed_in_ordinal_order_and_previous_ones_now_silent_are_named()
    {
        Assert.Equal(
            ["api-proxy", "auth", "host-store", "monitor-service", "role-store", "secrets-manager", "ssh-proxy", "vault"],
            Aggregate.Coverage.ServicesSeen);
        // Previous: auth, rdp-proxy, ssh-proxy, vault, workflow-engine. rdp-proxy only sent X1 (September, local);
        // workflow-engine only X4, which arrived after the read.
        Assert.Equal(["rdp-proxy", "workflow-engine"], Aggregate.Coverage.SilentServices);
    }

    [Fact]
    public void The_quarantined_count_is_passed_through()
    {
        Assert.Equal(3, Aggregate.Coverage.Quarantined);
    }
}
