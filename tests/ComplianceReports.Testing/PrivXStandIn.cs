using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ComplianceReports.Testing;

/// <summary>
/// An in-process PrivX (WireMock.Net) that behaves as the real API does for the collector: the token
/// endpoint in both flows, with tokens that expire; the audit event search, paged with offset and limit
/// (at most 1000), sorted by <c>created</c> ascending, where many events may share one time. Faults
/// are queued answers the next searches get.
/// </summary>
public sealed class PrivXStandIn : IDisposable
{
    public const string ApiClientId = "compliance-collector";
    public const string ApiClientSecret = "api-secret-never-logged";
    public const string OAuthClientId = "privx-external";
    public const string OAuthClientSecret = "oauth-secret-never-logged";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly TimeProvider clock;
    private readonly List<(DateTimeOffset Created, string Json)> events = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> faults = new();
    private int tokenRequests;
    private int searchRequests;

    public PrivXStandIn(TimeProvider? clock = null)
    {
        this.clock = clock ?? TimeProvider.System;
        server.Given(Request.Create().WithPath("/auth/api/v1/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithCallback(PasswordGrant));
        server.Given(Request.Create().WithPath($"/auth/api/v1/oauth/clientcredentials/{OAuthClientId}/token").UsingPost())
            .RespondWith(Response.Create().WithCallback(ClientCredentialsGrant));
        server.Given(Request.Create().WithPath("/monitor-service/api/v1/auditevents/search").UsingPost())
            .RespondWith(Response.Create().WithCallback(Search));
    }

    /// <summary>The base address, http on 127.0.0.1: loopback, the one place plain http is allowed.</summary>
    public string Url => server.Url!;

    /// <summary>What <c>expires_in</c> the next tokens get.</summary>
    public int TokenLifetimeSeconds { get; set; } = 300;

    public int TokenRequests => tokenRequests;

    public int SearchRequests => searchRequests;

    /// <summary>Called with each search's offset before it is answered: a test advances its clock or stops its host here.</summary>
    public Action<int>? OnSearch { get; set; }

    /// <summary>The settings a host needs to collect from here (configuration keys), with the right credentials.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["PrivX:BaseUrl"] = Url,
        ["PrivX:ApiClientId"] = ApiClientId,
        ["PrivX:ApiClientSecret"] = ApiClientSecret,
        ["PrivX:OAuthClientSecret"] = OAuthClientSecret,
    };

    public void Add(IEnumerable<string> items)
    {
        lock (events)
        {
            foreach (var item in items)
            {
                using var document = JsonDocument.Parse(item);
                events.Add((DateTimeOffset.Parse(document.RootElement.GetProperty("created").GetString()!, CultureInfo.InvariantCulture), item));
            }
        }
    }

    /// <summary>The next searches are answered with these statuses, one each, before normal service resumes.</summary>
    public void Fail(int status, int times = 1, string? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
        {
            faults.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Every token issued so far is refused from now on, as after a restart of PrivX's auth service.</summary>
    public void RevokeTokens() => tokens.Clear();

    public void Dispose() => server.Stop();

    private ResponseMessage PasswordGrant(IRequestMessage request)
    {
        Interlocked.Increment(ref tokenRequests);
        var form = Form(request);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OAuthClientId}:{OAuthClientSecret}"));
        return Header(request, "Authorization") == $"Basic {basic}"
               && form.GetValueOrDefault("grant_type") == "password"
               && form.GetValueOrDefault("username") == ApiClientId
               && form.GetValueOrDefault("password") == ApiClientSecret
            ? IssueToken()
            : Json(HttpStatusCode.Unauthorized, """{"error":"invalid_grant","error_description":"invalid credentials"}""");
    }

    private ResponseMessage ClientCredentialsGrant(IRequestMessage request)
    {
        Interlocked.Increment(ref tokenRequests);
        var form = Form(request);
        return form.GetValueOrDefault("grant_type") == "client_credentials"
               && form.GetValueOrDefault("client_id") == ApiClientId
               && form.GetValueOrDefault("client_secret") == ApiClientSecret
            ? IssueToken()
            : Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""");
    }

    private ResponseMessage IssueToken()
    {
        var token = Guid.NewGuid().ToString("N");
        tokens[token] = clock.GetUtcNow().AddSeconds(TokenLifetimeSeconds);
        return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { access_token = token, token_type = "bearer", expires_in = TokenLifetimeSeconds, refresh_token = "unused" }));
    }

    private ResponseMessage Search(IRequestMessage request)
    {
        Interlocked.Increment(ref searchRequests);
        var offset = int.Parse(Query(request, "offset") ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(Query(request, "limit") ?? "50", CultureInfo.InvariantCulture);
        OnSearch?.Invoke(offset);
        if (faults.TryDequeue(out var fault))
        {
            var failed = Json((HttpStatusCode)fault.Status, """{"error":"fault injected by the test"}""");
            if (fault.RetryAfter is not null)
            {
                failed.AddHeader("Retry-After", fault.RetryAfter);
            }
            return failed;
        }
        var authorization = Header(request, "Authorization");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            || !tokens.TryGetValue(authorization["Bearer ".Length..], out var expires) || clock.GetUtcNow() >= expires)
        {
            return Json(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}""");
        }
        if (limit is < 1 or > 1000 || Query(request, "sortkey") != "created" || Query(request, "sortdir") != "ASC")
        {
            return Json(HttpStatusCode.BadRequest, """{"error":"limit is 1 to 1000, sorted by created"}""");
        }
        using var body = JsonDocument.Parse(request.Body!);
        var start = DateTimeOffset.Parse(body.RootElement.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(body.RootElement.GetProperty("end_time").GetString()!, CultureInfo.InvariantCulture);
        List<string> matching;
        lock (events)
        {
            // OrderBy is stable: events sharing a created time keep one order from page to page, as PrivX's do.
            matching = events.Where(item => item.Created >= start && item.Created <= end).OrderBy(item => item.Created).Select(item => item.Json).ToList();
        }
        var page = matching.Skip(offset).Take(limit);
        return Json(HttpStatusCode.OK, $"{{\"count\":{matching.Count},\"items\":[{string.Join(',', page)}]}}");
    }

    private static ResponseMessage Json(HttpStatusCode status, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = (int)status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string? Query(IRequestMessage request, string name) =>
        request.Query?.TryGetValue(name, out var values) == true ? values.FirstOrDefault() : null;

    private static Dictionary<string, string> Form(IRequestMessage request) =>
        (request.Body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => pair.Length > 1 ? WebUtility.UrlDecode(pair[1]) : "");
}
