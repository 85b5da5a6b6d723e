using ComplianceReports.PrivX;
using ComplianceReports.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReports.PrivX.Tests;

/// <summary>Tokens from either flow, kept until shortly before they expire, renewed once on a 401; bad credentials say which settings to check.</summary>
public sealed class AuthenticatingWithPrivX
{
    [Theory]
    [InlineData(PrivXAuthFlow.Password)]
    [InlineData(PrivXAuthFlow.ClientCredentials)]
    public async Task Either_flow_gets_a_token_that_the_search_accepts(PrivXAuthFlow flow)
    {
        using var privx = new PrivXStandIn();
        privx.Add([PrivXSample.Item(100, Clients.Day.AddHours(8))]);
        using var client = Clients.Of(privx, flow: flow);

        var page = await client.SearchDayAsync();

        Assert.Single(page.Items);
        Assert.Equal(1, privx.TokenRequests);
    }

    [Fact]
    public async Task A_token_is_kept_for_later_searches_until_shortly_before_it_expires()
    {
        var clock = new FakeTimeProvider(Clients.Day);
        using var privx = new PrivXStandIn(clock) { TokenLifetimeSeconds = 5 };
        using var client = Clients.Of(privx, clock);

        await client.SearchDayAsync();
        clock.Advance(TimeSpan.FromSeconds(4));
        await client.SearchDayAsync();
        var beforeExpiry = privx.TokenRequests;
        clock.Advance(TimeSpan.FromSeconds(0.7));
        await client.SearchDayAsync();

        Assert.Equal(1, beforeExpiry);
        Assert.Equal(2, privx.TokenRequests);
        Assert.Equal(3, privx.SearchRequests);
    }

    [Fact]
    public async Task A_401_gets_a_new_token_once_and_the_search_succeeds()
    {
        using var privx = new PrivXStandIn();
        privx.Add([PrivXSample.Item(100, Clients.Day.AddHours(8))]);
        using var client = Clients.Of(privx);
        await client.SearchDayAsync();
        privx.RevokeTokens();

        var page = await client.SearchDayAsync();

        Assert.Single(page.Items);
        Assert.Equal(2, privx.TokenRequests);
        Assert.Equal(3, privx.SearchRequests);
    }

    [Fact]
    public async Task A_second_401_with_a_fresh_token_is_a_clear_error_not_a_loop()
    {
        using var privx = new PrivXStandIn();
        privx.Fail(401, times: 2);
        using var client = Clients.Of(privx);

        var refused = await Assert.ThrowsAsync<PrivXAuthenticationException>(() => client.SearchDayAsync());

        Assert.Contains("refused the audit event search (401) with a fresh token", refused.Message);
        Assert.Contains("read audit events", refused.Message);
        Assert.Equal(2, privx.SearchRequests);
    }

    [Theory]
    [InlineData(PrivXAuthFlow.Password)]
    [InlineData(PrivXAuthFlow.ClientCredentials)]
    public async Task Bad_credentials_are_one_line_naming_the_settings_to_check_and_never_the_secret(PrivXAuthFlow flow)
    {
        using var privx = new PrivXStandIn();
        using var client = Clients.Of(privx, flow: flow, apiSecret: "wrong-secret-value");

        var refused = await Assert.ThrowsAsync<PrivXAuthenticationException>(() => client.SearchDayAsync());

        Assert.StartsWith($"PrivX at {privx.Url}/ refused the API client's credentials (401 invalid_", refused.Message);
        Assert.Contains("PrivX__ApiClientSecret", refused.Message);
        Assert.DoesNotContain("wrong-secret-value", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(0, privx.SearchRequests);
    }

    [Theory]
    [InlineData("https://privx.example.com", null)]
    [InlineData("http://127.0.0.1:8080", null)]
    [InlineData("http://localhost:8080", null)]
    [InlineData("http://[::1]:8080", null)]
    [InlineData("http://privx.example.com", "must use https:// (plain http is allowed only to a loopback address)")]
    [InlineData("ftp://privx.example.com", "must be an absolute https:// address")]
    public void Credentials_go_only_over_https_or_to_a_loopback_address(string url, string? refusal)
    {
        Assert.Equal(refusal, PrivXConnection.RefuseBaseUrl(new Uri(url)));
    }

    [Fact]
    public void A_connection_prints_its_address_and_never_its_secrets()
    {
        using var privx = new PrivXStandIn();
        var text = Clients.Connection(privx).ToString();

        Assert.Equal($"PrivX at {privx.Url}/", text);
    }
}
