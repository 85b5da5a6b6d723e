using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ComplianceReports.PrivX;

/// <summary>
/// The access token, fetched when needed and kept until shortly before it expires (PrivX's may last
/// only minutes): one token request serves every search until then.
/// </summary>
internal sealed class PrivXTokens(HttpClient http, PrivXConnection connection, TimeProvider clock) : IDisposable
{
    /// <summary>At most this early a token is renewed, so a search never starts with one about to lapse.</summary>
    private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim fetching = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Valid() is { } token)
        {
            return token;
        }
        await fetching.WaitAsync(cancellationToken);
        try
        {
            if (Valid() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            var (accessToken, expiresIn) = await RequestAsync(cancellationToken);
            var margin = TimeSpan.FromTicks(Math.Min(MaxRenewalMargin.Ticks, expiresIn.Ticks / 10));
            current = (accessToken, clock.GetUtcNow() + expiresIn - margin);
            return accessToken;
        }
        finally
        {
            fetching.Release();
        }
    }

    /// <summary>PrivX refused the token (revoked, or its clock disagrees): the next search asks for a new one.</summary>
    public void Forget(string token)
    {
        if (current?.Token == token)
        {
            current = null;
        }
    }

    public void Dispose() => fetching.Dispose();

    private string? Valid() => current is { } token && clock.GetUtcNow() < token.RenewAt ? token.Token : null;

    private async Task<(string Token, TimeSpan ExpiresIn)> RequestAsync(CancellationToken cancellationToken)
    {
        using var request = connection.AuthFlow == PrivXAuthFlow.Password ? PasswordGrant() : ClientCredentialsGrant();
        using var response = await PrivXApiClient.SendAsync(http, request, connection, "the token request", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new PrivXAuthenticationException(
                $"PrivX at {connection.BaseUrl} refused the API client's credentials ({(int)response.StatusCode}{OAuthError(body)}): "
                + "check PrivX__ApiClientId, PrivX__ApiClientSecret, PrivX__OAuthClientId and PrivX__OAuthClientSecret");
        }
        PrivXApiClient.EnsureSuccess(response, connection, "the token request");
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.GetProperty("access_token").GetString();
            var expiresIn = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0 ? seconds : 60;
            return string.IsNullOrEmpty(token)
                ? throw new PrivXException($"PrivX at {connection.BaseUrl} answered the token request without an access_token")
                : (token, TimeSpan.FromSeconds(expiresIn));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PrivXException($"PrivX at {connection.BaseUrl} answered the token request with something other than a token: {e.Message}", e);
        }
    }

    private HttpRequestMessage PasswordGrant() => new(HttpMethod.Post, PrivXApiClient.Url(connection, "auth/api/v1/oauth/token"))
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.OAuthClientId}:{connection.OAuthClientSecret}"))) },
        Content = new FormUrlEncodedContent([
            KeyValuePair.Create("grant_type", "password"),
            KeyValuePair.Create("username", connection.ApiClientId),
            KeyValuePair.Create("password", connection.ApiClientSecret),
        ]),
    };

    private HttpRequestMessage ClientCredentialsGrant() =>
        new(HttpMethod.Post, PrivXApiClient.Url(connection, $"auth/api/v1/oauth/clientcredentials/{Uri.EscapeDataString(connection.OAuthClientId)}/token"))
        {
            Content = new FormUrlEncodedContent([
                KeyValuePair.Create("grant_type", "client_credentials"),
                KeyValuePair.Create("client_id", connection.ApiClientId),
                KeyValuePair.Create("client_secret", connection.ApiClientSecret),
            ]),
        };

    /// <summary>The OAuth error code of a refusal (<c>invalid_grant</c>, <c>invalid_client</c>), which says which credential is wrong.</summary>
    private static string OAuthError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? $" {error.GetString()}"
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
