using System.Net;

namespace ComplianceReports.PrivX;

/// <summary>How the collector gets its access token (PrivX's OAuth2 token endpoints).</summary>
public enum PrivXAuthFlow
{
    /// <summary><c>grant_type=password</c> with the API client's id and secret, the OAuth client in Basic authentication.</summary>
    Password,

    /// <summary><c>grant_type=client_credentials</c> at the OAuth client's client-credentials endpoint.</summary>
    ClientCredentials,
}

/// <summary>Retries of requests that failed for a reason that passes: 429 (after its Retry-After), 5xx, 408 and time-outs.</summary>
/// <param name="MaxRetries">Retries after the first attempt.</param>
/// <param name="BaseDelay">The first back-off, doubled on each retry (with jitter), unless the answer's Retry-After says otherwise.</param>
/// <param name="AttemptTimeout">How long one attempt may take.</param>
public sealed record PrivXRetries(int MaxRetries, TimeSpan BaseDelay, TimeSpan AttemptTimeout)
{
    public static readonly PrivXRetries Default = new(5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    /// <summary>A Retry-After longer than this is cut to it, so one answer cannot spend a run's whole time budget.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);
}

/// <summary>
/// One PrivX instance and the API client the collector uses there. The secrets stay in here: the
/// record prints only the address, so no log line can carry them.
/// </summary>
public sealed record PrivXConnection(
    Uri BaseUrl,
    string ApiClientId,
    string ApiClientSecret,
    string OAuthClientId,
    string OAuthClientSecret,
    PrivXAuthFlow AuthFlow,
    string? CaCertificatePath,
    PrivXRetries Retries)
{
    public const string DefaultOAuthClientId = "privx-external";

    /// <summary>
    /// Credentials travel to this address, so it must be HTTPS; plain HTTP is allowed only to a loopback
    /// address (a tunnel or a stand-in on the same machine). Returns why not, or <c>null</c>.
    /// </summary>
    public static string? RefuseBaseUrl(Uri baseUrl) =>
        !baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
            ? "must be an absolute https:// address"
            : baseUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUrl)
                ? "must use https:// (plain http is allowed only to a loopback address)"
                : null;

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    public override string ToString() => $"PrivX at {BaseUrl}";
}
