using ComplianceReports.Pipeline.Delivery;

namespace ComplianceReports.Pipeline.Tests;

public class CheckingRouteValues
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("timer-2026-10-4-0")]
    public void A_route_takes_every_request_id_the_queue_takes(string id)
    {
        Assert.True(RouteValues.TryRequestId(id, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not_a_request")]
    [InlineData("..")]
    public void A_route_refuses_an_id_the_queue_refuses_with_a_400(string? id)
    {
        Assert.False(RouteValues.TryRequestId(id, out var error));
        Assert.Equal(400, error.StatusCode);
    }
}
