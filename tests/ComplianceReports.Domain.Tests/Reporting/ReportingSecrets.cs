using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The secrets section: who read, created, changed or removed which secret, and when.</summary>
public class ReportingSecrets
{
    private static SecretsSection Secrets => Aggregate.Secrets;

    [Fact]
    public void Secrets_events_are_counted_by_code_in_code_order()
    {
        Assert.Equal(8, Secrets.Total);
        Assert.Equal(
            [
                new CodeCount(230, "AWS-token-granted", 1),         // E17
                new CodeCount(260, "Authorized-key-added", 1),      // E18
                new CodeCount(261, "Authorized-key-modified", 1),   // E28
                new CodeCount(262, "Authorized-key-removed", 1),    // E48
                new CodeCount(1400, "Secret-created", 1),           // E39 (not X4, which arrived after the read)
                new CodeCount(1401, "Secret-removed", 1),           // E42
                new CodeCount(1402, "Secret-accessed", 1),          // E14
                new CodeCount(1403, "Secret-changed", 1),           // E27
            ],
            Secrets.ByEvent);
    }

    [Fact]
    public void Secrets_events_are_counted_by_user()
    {
        // erin: E17 E18 E28 E39 E48; alice: E27 E42; carol: E14.
        Assert.Equal([new("erin", 5), new("alice", 2), new NamedCount("carol", 1)], Secrets.ByUser);
    }

    [Fact]
    public void Secrets_events_are_counted_by_secret_and_one_without_a_name_is_not_named()
    {
        // Two each, ordinal: ci/deploy-token (E39 E42), erin@laptop (E18 E28), prod/db/root-password (E14 E27);
        // one each: "(not named)" (E48) < aws-prod-admin (E17).
        Assert.Equal(
            [
                new("ci/deploy-token", 2), new("erin@laptop", 2), new("prod/db/root-password", 2),
                new("(not named)", 1), new NamedCount("aws-prod-admin", 1),
            ],
            Secrets.BySecret);
    }

    [Fact]
    public void Every_secrets_event_is_listed_with_its_object()
    {
        Assert.Equal(GoldenListedEvents.Secrets, Secrets.Events.Events);
        Assert.Equal(0, Secrets.Events.NotListed);
    }
}
