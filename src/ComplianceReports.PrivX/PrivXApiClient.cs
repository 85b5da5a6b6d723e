using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ComplianceReports.PrivX;

/// <summary>One page of the audit event search: the window's total (if PrivX said) and the items, each as PrivX sent it.</summary>
public sealed record PrivXPage(int? Count, IReadOnlyList<string> Items);

/// <summary>
/// PrivX's audit event search (<c>POST /monitor-service/api/v1/auditevents/search</c>), authenticated
/// with a cached token that is renewed once when PrivX answers 401. Requests that fail for a passing
/// reason are retried; a lasting failure is a <see cref="PrivXException"/> with one line to show.
/// </summary>
public sealed class PrivXApiClient : IDisposable
{
    /// <summary>PrivX answers at most this many items a page.</summary>
    public const int MaxPageSize = 1000;

    private readonly PrivXConnection connection;
    private readonly HttpClient http;
    private readonly PrivXTokens tokens;

    public PrivXApiClient(PrivXConnection connection, TimeProvider clock)
    {
        this.connection = connection;
        http = PrivXHttp.CreateClient(connection, clock);
        tokens = new PrivXTokens(http, connection, clock);
    }

    /// <summary>
    /// The items created in [<paramref name="start"/>, <paramref name="end"/>], oldest first, from
    /// <paramref name="offset"/> on, at most <paramref name="limit"/> of them.
    /// </summary>
    public async Task<PrivXPage> SearchAsync(DateTimeOffset start, DateTimeOffset end, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var path = string.Create(CultureInfo.InvariantCulture, $"monitor-service/api/v1/auditevents/search?offset={offset}&limit={limit}&sortkey=created&sortdir=ASC");
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["start_time"] = Rfc3339(start), ["end_time"] = Rfc3339(end) });

        var token = await tokens.GetAsync(cancellationToken);
        var response = await SearchOnceAsync(path, body, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token lapsed early or was revoked: a new one, once. A second refusal is not a token's fault.
            response.Dispose();
            tokens.Forget(token);
            response = await SearchOnceAsync(path, body, await tokens.GetAsync(cancellationToken), cancellationToken);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new PrivXAuthenticationException(
                    $"PrivX at {connection.BaseUrl} refused the audit event search ({(int)response.StatusCode}) with a fresh token: "
                    + "the API client needs a role that may read audit events");
            }
            EnsureSuccess(response, connection, "the audit event search");
            return await ReadPageAsync(response, cancellationToken);
        }
    }

    public void Dispose()
    {
        tokens.Dispose();
        http.Dispose();
    }

    internal static Uri Url(PrivXConnection connection, string relative) =>
        new(new Uri(connection.BaseUrl.AbsoluteUri.TrimEnd('/') + "/"), relative);

    /// <summary>Sends through the retrying stack and turns what no retry cured (TLS, no connection, time-outs) into one line.</summary>
    internal static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage request, PrivXConnection connection, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e) when (PrivXHttp.IsTlsFailure(e))
        {
            throw new PrivXException(
                $"TLS to PrivX at {connection.BaseUrl} failed ({e.InnerException!.Message}): if PrivX runs on an internal CA, set PrivX__CaCertificatePath to its certificate", e);
        }
        catch (HttpRequestException e)
        {
            throw new PrivXException($"cannot reach PrivX at {connection.BaseUrl} for {what} after {connection.Retries.MaxRetries + 1} attempts: {e.Message}", e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new PrivXException($"PrivX at {connection.BaseUrl} did not answer {what} within {connection.Retries.AttemptTimeout.TotalSeconds:0.#} s, {connection.Retries.MaxRetries + 1} times", e);
        }
    }

    internal static void EnsureSuccess(HttpResponseMessage response, PrivXConnection connection, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new PrivXException(
                $"PrivX at {connection.BaseUrl} answered {what} with {(int)response.StatusCode} {response.ReasonPhrase}"
                + (HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(response)) ? $" after {connection.Retries.MaxRetries + 1} attempts" : ""));
        }
    }

    private async Task<HttpResponseMessage> SearchOnceAsync(string path, string body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(connection, path))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return await SendAsync(http, request, connection, "the audit event search", cancellationToken);
    }

    private async Task<PrivXPage> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
            var root = document.RootElement;
            var items = root.GetProperty("items");
            var page = items.ValueKind == JsonValueKind.Null ? [] : items.EnumerateArray().Select(item => item.GetRawText()).ToList();
            int? count = root.TryGetProperty("count", out var total) && total.TryGetInt32(out var value) ? value : null;
            return new PrivXPage(count, page);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PrivXException($"PrivX at {connection.BaseUrl} answered the audit event search with something other than a page of items: {e.Message}", e);
        }
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
