using ComplianceReports.PrivX;
using ComplianceReports.Testing;

namespace ComplianceReports.PrivX.Tests;

/// <summary>429 and 5xx are retried with back-off (429 after its Retry-After); what keeps failing is one line.</summary>
public sealed class RetryingPassingFailures
{
    [Fact]
    public async Task A_429_with_retry_after_is_retried_and_the_search_succeeds()
    {
        using var privx = new PrivXStandIn();
        privx.Add([PrivXSample.Item(100, Clients.Day.AddHours(8))]);
        privx.Fail(429, retryAfter: "1");
        using var client = Clients.Of(privx);

        var page = await client.SearchDayAsync();

        Assert.Single(page.Items);
        Assert.Equal(2, privx.SearchRequests);
    }

    [Fact]
    public async Task Several_503s_are_retried_and_the_search_succeeds()
    {
        using var privx = new PrivXStandIn();
        privx.Add([PrivXSample.Item(100, Clients.Day.AddHours(8))]);
        privx.Fail(503, times: 3);
        using var client = Clients.Of(privx);

        var page = await client.SearchDayAsync();

        Assert.Single(page.Items);
        Assert.Equal(4, privx.SearchRequests);
    }

    [Fact]
    public async Task A_503_that_outlasts_the_retries_is_one_line_saying_how_often_it_was_tried()
    {
        using var privx = new PrivXStandIn();
        privx.Fail(503, times: 10);
        using var client = Clients.Of(privx);

        var failure = await Assert.ThrowsAsync<PrivXException>(() => client.SearchDayAsync());

        Assert.Equal($"PrivX at {privx.Url}/ answered the audit event search with 503 Service Unavailable after 4 attempts", failure.Message);
        Assert.Equal(4, privx.SearchRequests);
    }

    [Fact]
    public async Task A_refusal_that_no_retry_cures_is_not_retried()
    {
        using var privx = new PrivXStandIn();
        privx.Fail(400);
        using var client = Clients.Of(privx);

        var failure = await Assert.ThrowsAsync<PrivXException>(() => client.SearchDayAsync());

        Assert.Equal($"PrivX at {privx.Url}/ answered the audit event search with 400 Bad Request", failure.Message);
        Assert.Equal(1, privx.SearchRequests);
    }

    [Fact]
    public async Task A_privx_nobody_answers_at_is_one_line_naming_it()
    {
        var nobody = new PrivXConnection(new Uri("http://127.0.0.1:1"), "id", "secret", "privx-external", "oauth", PrivXAuthFlow.Password, null, Clients.QuickRetries);
        using var client = new PrivXApiClient(nobody, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<PrivXException>(() => client.SearchDayAsync());

        Assert.StartsWith("cannot reach PrivX at http://127.0.0.1:1/ for the token request after 4 attempts:", failure.Message);
    }
}
