using System.Text;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class EventSetDigests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly string IdentityA = new('a', 64);
    private static readonly string IdentityB = new('b', 64);

    private static AuditEvent Event(DateTimeOffset utc, string identity) => new(utc, 301, identity, "{}");

    [Fact]
    public void The_digest_of_no_events_is_the_sha256_of_nothing()
    {
        using var digest = new EventSetDigest();

        Assert.Equal(EmptySha256, digest.Complete());
        Assert.Equal(EmptySha256, Sha256Hex([]));
    }

    [Fact]
    public void The_digest_is_the_sha256_of_the_documented_rows()
    {
        using var digest = new EventSetDigest();
        digest.Add(Event(new DateTimeOffset(2026, 10, 2, 8, 14, 3, 512, TimeSpan.Zero), IdentityB));
        digest.Add(Event(Utc(2026, 10, 3, 9).AddTicks(1_234_567), IdentityA));

        var expected = Sha256Hex(
            "2026-10-02T08:14:03.5120000Z\t" + IdentityB + "\n" +
            "2026-10-03T09:00:00.1234567Z\t" + IdentityA + "\n");
        Assert.Equal(expected, digest.Complete());
    }

    [Fact]
    public void The_digest_of_parsed_events_can_be_recomputed_from_time_and_identity()
    {
        var alice = Single(Alice);
        var bob = Single(Bob);
        using var digest = new EventSetDigest();
        digest.Add(alice);
        digest.Add(bob);

        var rows = $"2026-10-02T08:14:03.5120000Z\t{alice.Identity}\n2026-10-03T09:00:00.0000000Z\t{bob.Identity}\n";
        Assert.Equal(Sha256Hex(Encoding.UTF8.GetBytes(rows)), digest.Complete());
    }

    [Fact]
    public void A_row_is_the_utc_time_with_seven_fraction_digits_a_tab_the_identity_and_a_newline()
    {
        Assert.Equal(
            "2026-10-02T08:14:03.5120000Z\tabc\n",
            EventSetDigest.Row(new DateTimeOffset(2026, 10, 2, 11, 14, 3, 512, TimeSpan.FromHours(3)), "abc"));
    }

    [Fact]
    public void Events_at_the_same_time_are_ordered_by_identity()
    {
        using var digest = new EventSetDigest();
        digest.Add(Event(Utc(2026, 10, 2), IdentityA));
        digest.Add(Event(Utc(2026, 10, 2), IdentityB));

        Assert.Equal(
            Sha256Hex($"2026-10-02T00:00:00.0000000Z\t{IdentityA}\n2026-10-02T00:00:00.0000000Z\t{IdentityB}\n"),
            digest.Complete());
    }

    [Fact]
    public void An_earlier_event_after_a_later_one_is_refused()
    {
        using var digest = new EventSetDigest();
        digest.Add(Event(Utc(2026, 10, 3), IdentityA));

        Assert.Throws<InvalidOperationException>(() => digest.Add(Event(Utc(2026, 10, 2), IdentityB)));
    }

    [Fact]
    public void A_smaller_identity_at_the_same_time_is_refused()
    {
        using var digest = new EventSetDigest();
        digest.Add(Event(Utc(2026, 10, 2), IdentityB));

        Assert.Throws<InvalidOperationException>(() => digest.Add(Event(Utc(2026, 10, 2), IdentityA)));
    }

    [Fact]
    public void The_same_event_twice_is_refused()
    {
        using var digest = new EventSetDigest();
        digest.Add(Event(Utc(2026, 10, 2), IdentityA));

        var error = Assert.Throws<InvalidOperationException>(() => digest.Add(Event(Utc(2026, 10, 2), IdentityA)));
        Assert.Contains("each once", error.Message);
    }
}
