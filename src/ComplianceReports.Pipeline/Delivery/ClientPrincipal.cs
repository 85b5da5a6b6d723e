using System.Text;
using System.Text.Json;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// The signed-in caller as App Service authentication (Easy Auth) hands it to the app, in the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 JSON with the identity provider's claims. The platform
/// sets the header and strips any the client sent, so in Azure it is the caller's identity. This is
/// the one place that reads it.
/// </summary>
public sealed record ClientPrincipal(string Name)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Claim types that name a person when the principal's <c>name_typ</c> claim is missing.</summary>
    private static readonly string[] NameClaims = ["name", "preferred_username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"];

    /// <summary>The principal of the header's value, or <c>null</c> when there is none or it names no one.</summary>
    public static ClientPrincipal? FromHeader(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value)));
            var root = document.RootElement;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var nameType = root.TryGetProperty("name_typ", out var type) ? type.GetString() : null;
            var byType = claims.EnumerateArray()
                .Where(claim => claim.ValueKind == JsonValueKind.Object && claim.TryGetProperty("typ", out _) && claim.TryGetProperty("val", out _))
                .Select(claim => (Type: claim.GetProperty("typ").GetString(), Value: claim.GetProperty("val").GetString()))
                .Where(claim => !string.IsNullOrWhiteSpace(claim.Value))
                .ToList();
            var name = NameClaims.Prepend(nameType).Select(wanted => byType.FirstOrDefault(claim => claim.Type == wanted).Value).FirstOrDefault(found => found is not null);
            return name is null ? null : new ClientPrincipal(name);
        }
        catch (Exception error) when (error is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
