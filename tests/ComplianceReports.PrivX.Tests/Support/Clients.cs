using ComplianceReports.PrivX;
using ComplianceReports.Testing;

namespace ComplianceReports.PrivX.Tests;

/// <summary>API clients of the stand-in, with retries quick enough for a test.</summary>
public static class Clients
{
    public static readonly PrivXRetries QuickRetries = new(MaxRetries: 3, BaseDelay: TimeSpan.FromMilliseconds(10), AttemptTimeout: TimeSpan.FromSeconds(10));

    public static PrivXConnection Connection(PrivXStandIn privx, PrivXAuthFlow flow = PrivXAuthFlow.Password, string apiSecret = PrivXStandIn.ApiClientSecret) =>
        new(new Uri(privx.Url), PrivXStandIn.ApiClientId, apiSecret, PrivXStandIn.OAuthClientId, PrivXStandIn.OAuthClientSecret, flow, CaCertificatePath: null, QuickRetries);

    public static PrivXApiClient Of(PrivXStandIn privx, TimeProvider? clock = null, PrivXAuthFlow flow = PrivXAuthFlow.Password, string apiSecret = PrivXStandIn.ApiClientSecret) =>
        new(Connection(privx, flow, apiSecret), clock ?? TimeProvider.System);

    public static readonly DateTimeOffset Day = new(2026, 10, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A whole day: every event the tests add falls in it.</summary>
    public static Task<PrivXPage> SearchDayAsync(this PrivXApiClient client, int offset = 0, int limit = 1000) =>
        client.SearchAsync(Day, Day.AddDays(1), offset, limit, CancellationToken.None);
}
