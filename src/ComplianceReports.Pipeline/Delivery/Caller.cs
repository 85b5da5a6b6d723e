using System.Text;
using System.Text.Json;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// Who made an HTTP request, as far as the app can tell, and the app roles it holds. <see cref="Name"/> and
/// <see cref="Id"/> are what the log records; neither is ever an event's content. This is the one place
/// that reads the platform's principal header.
/// </summary>
public sealed record Caller(string Name, string Id, IReadOnlySet<string> Roles)
{
    /// <summary>
    /// The name the signed-in principal gives: in Azure, who a review is by. <c>null</c> for the local
    /// developer, a function key, or a principal that names no one.
    /// </summary>
    public string? SignedInName { get; init; }

    /// <summary>The header App Service Authentication puts on every signed-in request, stripping any a client sent.</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private const string NameClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

    /// <summary>The local host's only caller: it listens on loopback alone and has no sign-in.</summary>
    public static Caller LocalDeveloper { get; } = new("local developer", "loopback", AppRoles.All.ToHashSet(StringComparer.Ordinal));

    /// <summary>A request that reached the app with a function key and no sign-in: a path excluded from it, or sign-in off.</summary>
    public static Caller FunctionKey(IReadOnlySet<string> roles) => new("function key", "no sign-in", roles);

    public bool Holds(string role) => Roles.Contains(role);

    public override string ToString() => $"{Name} ({Id})";

    /// <summary>
    /// Reads the principal App Service put on the request: base64 JSON
    /// <c>{"auth_typ":…,"claims":[{"typ":…,"val":…}],"name_typ":…,"role_typ":…}</c>. <c>null</c> when the
    /// header is absent or does not read: the request then holds no role.
    /// </summary>
    public static Caller? FromPrincipalHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        try
        {
            using var principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = principal.RootElement;
            var nameType = Text(root, "name_typ");
            var roleType = Text(root, "role_typ");
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(claim => (Type: Text(claim, "typ") ?? "", Value: Text(claim, "val") ?? ""))
                .ToList();
            // The first type, in the order given, that the principal carries.
            string? Claim(params string?[] types) => types
                .Select(type => claims.FirstOrDefault(c => c.Type == type && !string.IsNullOrWhiteSpace(c.Value)).Value)
                .FirstOrDefault(value => value is not null);
            // Entra ID puts app roles in "roles"; App Service names the type it maps them to in role_typ.
            var roles = claims.Where(c => c.Type == roleType || c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            var id = Claim(ObjectIdClaim, "oid", "sub") ?? "unknown id";
            var name = Claim(nameType, "preferred_username", "name", NameClaim, "appid", "azp");
            return new Caller(name ?? "unnamed principal", id, roles) { SignedInName = name };
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
