using System.Text.Json;
using ComplianceReports.Cli.Simulation;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Cli.Simulation.PrivXTrafficSimulator;

namespace ComplianceReports.Cli.Tests.Simulation;

public sealed class SimulatingPrivXTraffic
{
    private static readonly Month February = new(2026, 2);

    [Fact]
    public void The_same_seed_gives_byte_identical_items_and_another_seed_does_not()
    {
        var first = string.Join('\n', Generate(February, 500, seed: 42));
        var again = string.Join('\n', Generate(February, 500, seed: 42));
        var other = string.Join('\n', Generate(February, 500, seed: 43));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2_345)]
    public void It_makes_exactly_the_number_of_items_asked_for(int count) =>
        Assert.Equal(count, Generate(February, count, seed: 1).Count());

    [Fact]
    public void Every_item_is_read_by_the_pipeline_falls_in_the_month_and_comes_in_time_order()
    {
        var items = Generate(February, 3_000, seed: 7).ToList();

        var message = AuditMessageReader.Read(string.Join('\n', items));

        Assert.Empty(message.Rejected);
        var events = message.Events.ToList();
        Assert.Equal(items.Count, events.Count);
        Assert.All(events, e => Assert.True(February.Contains(e.OccurredAt), $"{e.OccurredAt:O} is outside {February}"));
        Assert.Equal(events.Select(e => e.OccurredAt).Order(), events.Select(e => e.OccurredAt));
        Assert.Equal(items.Count, events.Select(e => e.Identity).Distinct().Count());
    }

    [Fact]
    public void Items_carry_privx_message_fields_host_fields_secret_names_and_modifications()
    {
        var items = Generate(February, 2_000, seed: 3).Select(item => JsonDocument.Parse(item).RootElement).ToList();

        Assert.All(items, item =>
        {
            var message = item.GetProperty("message");
            foreach (var field in new[] { "SSH-PrivX-service", "audit-exposure", "instanceName", "severity", "username", "userID", "sessionID", "timestamp", "remoteAddress" })
            {
                Assert.False(string.IsNullOrEmpty(message.GetProperty(field).GetString()), field);
            }
            Assert.Equal("24.0", message.GetProperty("version").GetString());
            var service = item.GetProperty("service_name").GetString();
            Assert.Equal(service is "ssh-proxy" or "rdp-proxy", message.TryGetProperty("hostAddress", out _));
        });
        var secrets = items.Where(item => Category(item) == CatalogCategories.Secrets).ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, item => Assert.NotNull(item.GetProperty("message").GetProperty("secretName").GetString()));
        var modified = items.Where(item => item.TryGetProperty("event_name", out var name) && name.GetString()!.EndsWith("-modified", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(modified);
        Assert.All(modified, item => JsonDocument.Parse(item.GetProperty("message").GetProperty("modifications").GetString()!).Dispose());
    }

    [Fact]
    public void The_mix_is_mostly_sessions_and_logins_with_some_failures_and_rare_findings_and_unknown_codes()
    {
        const int Count = 20_000;
        var items = Generate(February, Count, seed: 11).Select(item => JsonDocument.Parse(item).RootElement).ToList();
        var kinds = items.GroupBy(item => KindOf(int.Parse(item.GetProperty("event_id").GetString()!))).ToDictionary(group => group.Key, group => group.Count());

        foreach (var (kind, perMille) in Mix)
        {
            var share = 1000.0 * kinds.GetValueOrDefault(kind) / Count;
            Assert.InRange(share, perMille * 0.7, perMille * 1.3 + 1);
        }
        Assert.True(kinds[TrafficKind.Session] + kinds[TrafficKind.Login] > Count * 0.7);

        // Failures come mostly from a few users and addresses, as a report's failure tables should show.
        var failures = items.Where(item => KindOf(int.Parse(item.GetProperty("event_id").GetString()!)) == TrafficKind.FailedLogin).ToList();
        var topUsers = failures.GroupBy(item => item.GetProperty("message").GetProperty("username").GetString()).OrderByDescending(group => group.Count()).Take(3).Sum(group => group.Count());
        Assert.True(topUsers > failures.Count / 2, $"the top three users have {topUsers} of {failures.Count} failures");

        Assert.Contains(items, item => Category(item) == CatalogCategories.Uncategorized);
        Assert.Contains(items, item => PrivXCatalog.Entries.Any(entry => entry.Finding && entry.Code.ToString() == item.GetProperty("event_id").GetString()));
    }

    [Fact]
    public void Working_hours_carry_most_of_the_traffic()
    {
        var times = Generate(February, 5_000, seed: 5).Select(item => DateTimeOffset.Parse(JsonDocument.Parse(item).RootElement.GetProperty("created").GetString()!)).ToList();

        var weekdayOfficeHours = times.Count(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 8 and < 18);

        Assert.True(weekdayOfficeHours > times.Count * 0.6, $"{weekdayOfficeHours} of {times.Count} in weekday office hours");
    }

    private static CatalogCategory Category(JsonElement item) =>
        PrivXCatalog.Entries.FirstOrDefault(entry => entry.Code.ToString() == item.GetProperty("event_id").GetString())?.Category ?? CatalogCategories.Uncategorized;
}
