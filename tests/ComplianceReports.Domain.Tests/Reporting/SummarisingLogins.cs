using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The login section of the golden month: attempts, failures by who and where, MFA, days, off-hours.</summary>
public class SummarisingLogins
{
    private static LoginSection Logins => Aggregate.Logins;

    [Fact]
    public void Successful_and_failed_logins_give_the_failure_rate()
    {
        Assert.Equal(15, Logins.Successful);  // code 100, see CountingAMonthsEvents
        Assert.Equal(6, Logins.Failed);       // code 102
        Assert.Equal(6.0 / 21.0, Logins.FailureRate, 12);
    }

    [Fact]
    public void Failures_by_user_are_ordered_by_count_then_name()
    {
        // mallory: E7 E8 E34 (X3 arrived after the read); bob E10, dave E15, erin E35: a tie, in ordinal order.
        Assert.Equal([new("mallory", 3), new("bob", 1), new("dave", 1), new NamedCount("erin", 1)], Logins.FailuresByUser);
    }

    [Fact]
    public void Failures_by_source_address_are_ordered_by_count_then_address_with_a_missing_one_named()
    {
        // 203.0.113.9: E7 E8 E34. Ties at one, ordinal: "(no address)" (E35 has none) < "10.0.4.18" (E10) < "198.51.100.23" (E15).
        Assert.Equal(
            [new("203.0.113.9", 3), new("(no address)", 1), new("10.0.4.18", 1), new NamedCount("198.51.100.23", 1)],
            Logins.FailuresBySourceAddress);
    }

    [Fact]
    public void Mfa_rate_limits_and_other_authentication_failures_are_counted()
    {
        Assert.Equal(2, Logins.MfaChallengesSent);      // 103: E3 E37
        Assert.Equal(1, Logins.MfaChallengesAccepted);  // 104: E4
        Assert.Equal(1, Logins.RateLimited);            // 130: E9
        Assert.Equal(1, Logins.TokenFailures);          // 111: E24
        Assert.Equal(1, Logins.OAuthFailures);          // 122: E25
        Assert.Equal(1, Logins.DirectoryFailures);      // 213: E26
    }

    [Fact]
    public void Logins_are_counted_per_local_day_every_day_listed()
    {
        // 1st: E1 E2 E5 E6; 2nd: E11; 3rd: E16; 8th: E23; 16th: E36; 19th: E38; 21st: E41;
        // 25th: E43 E44 (03:30 twice, across the DST change); 26th: E45 E46; 31st: E51 (23:59:59.9999999 local).
        Assert.Equal(
            October((1, 4), (2, 1), (3, 1), (8, 1), (16, 1), (19, 1), (21, 1), (25, 2), (26, 2), (31, 1)),
            Logins.LoginsPerDay);
    }

    [Fact]
    public void Failures_are_counted_per_local_day_and_an_event_at_23_30_utc_is_on_the_next_local_day()
    {
        // 2nd: E7 E8 E10; 3rd: E15 (2 Oct 23:30 UTC = 3 Oct 02:30 local); 16th: E34 E35.
        Assert.Equal(October((2, 3), (3, 1), (16, 2)), Logins.FailuresPerDay);
    }

    [Fact]
    public void Logins_outside_working_hours_in_local_time_are_counted_by_user()
    {
        // Off-hours (Mon-Fri 08:00-18:00 local is working time): E1 Thu 00:00, E6 Thu 18:00 (the end is off),
        // E16 Sat, E23 Thu 07:59:59, E41 Wed 21:00, E43 and E44 Sun, E45 Mon 07:30 (UTC+2), E51 Sat.
        // Working: E2 Thu 08:00 (the start is in), E5 Thu 17:59:59, E11, E36, E38, E46 Mon 17:30 (UTC+2).
        Assert.Equal(9, Logins.OffHoursLogins);
        Assert.Equal([new("alice", 3), new("dave", 3), new("bob", 2), new NamedCount("carol", 1)], Logins.OffHoursByUser);
    }

    [Fact]
    public void Top_lists_are_cut_at_the_configured_count()
    {
        var logins = AggregateWith(Settings with { TopCount = 2 }).Logins;

        Assert.Equal([new("mallory", 3), new NamedCount("bob", 1)], logins.FailuresByUser);
        Assert.Equal([new("203.0.113.9", 3), new NamedCount("(no address)", 1)], logins.FailuresBySourceAddress);
        Assert.Equal([new("alice", 3), new NamedCount("dave", 3)], logins.OffHoursByUser);
        Assert.Equal(9, logins.OffHoursLogins);
    }

    [Fact]
    public void Other_working_hours_change_what_is_off_hours()
    {
        // Working every day 00:00-23:00 local: E1 (00:00) is in; the only successful login at 23:00 or later is
        // E51 (23:59:59.9999999).
        var settings = Settings with
        {
            WorkdayStart = new TimeOnly(0, 0),
            WorkdayEnd = new TimeOnly(23, 0),
            Workdays = Enum.GetValues<DayOfWeek>().ToHashSet(),
        };

        var logins = AggregateWith(settings).Logins;

        Assert.Equal(1, logins.OffHoursLogins);
        Assert.Equal([new NamedCount("bob", 1)], logins.OffHoursByUser);
    }
}
