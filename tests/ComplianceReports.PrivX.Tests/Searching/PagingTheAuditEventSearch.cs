using ComplianceReports.Testing;

namespace ComplianceReports.PrivX.Tests;

/// <summary>The search's pages, as PrivX hands them out: oldest first, by offset, within the window asked for.</summary>
public sealed class PagingTheAuditEventSearch
{
    [Fact]
    public async Task Pages_by_offset_hand_out_every_event_once_even_when_many_share_one_created_time()
    {
        using var privx = new PrivXStandIn();
        var sameInstant = Clients.Day.AddHours(9);
        var items = Enumerable.Range(0, 25).Select(i => PrivXSample.Item(100, sameInstant, user: $"user{i}")).ToList();
        privx.Add(items);
        using var client = Clients.Of(privx);

        var pages = new List<string>();
        for (var offset = 0; offset < 25; offset += 10)
        {
            var page = await client.SearchDayAsync(offset, limit: 10);
            Assert.Equal(25, page.Count);
            pages.AddRange(page.Items);
        }

        Assert.Equal(items, pages);
    }

    [Fact]
    public async Task Only_the_window_asked_for_is_searched_both_ends_included()
    {
        using var privx = new PrivXStandIn();
        privx.Add([
            PrivXSample.Item(100, Clients.Day.AddSeconds(-1)),
            PrivXSample.Item(101, Clients.Day),
            PrivXSample.Item(102, Clients.Day.AddDays(1)),
            PrivXSample.Item(103, Clients.Day.AddDays(1).AddSeconds(1)),
        ]);
        using var client = Clients.Of(privx);

        var page = await client.SearchDayAsync();

        Assert.Equal(2, page.Count);
        Assert.Contains("\"event_id\":\"101\"", page.Items[0]);
        Assert.Contains("\"event_id\":\"102\"", page.Items[1]);
    }

    [Fact]
    public async Task A_limit_above_a_thousand_is_refused_before_anything_is_sent()
    {
        using var privx = new PrivXStandIn();
        using var client = Clients.Of(privx);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SearchDayAsync(limit: 1001));
        Assert.Equal(0, privx.TokenRequests);
    }
}
