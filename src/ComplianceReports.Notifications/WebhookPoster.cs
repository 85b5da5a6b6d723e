using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace ComplianceReports.Notifications;

/// <summary>
/// POSTs a JSON body to a webhook, signed so the receiver can tell it came from us: header
/// <c>X-Signature: sha256=HEX</c>, the HMAC-SHA256 of the exact body bytes under the shared secret.
/// </summary>
public sealed class WebhookPoster(HttpClient http)
{
    public const string SignatureHeader = "X-Signature";

    public async Task PostAsync(Uri url, byte[] jsonBody, string? secret, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(jsonBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (secret is not null)
        {
            request.Headers.Add(SignatureHeader, Signature(jsonBody, secret));
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }

    /// <summary>What <see cref="SignatureHeader"/> carries for a body: <c>sha256=</c> and the lower-case hex HMAC.</summary>
    public static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));
}
