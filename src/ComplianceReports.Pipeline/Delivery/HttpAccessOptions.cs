using System.Globalization;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>Whose word the app takes for who is calling.</summary>
public enum CallerTrust
{
    /// <summary>Azure: the principal App Service Authentication vouches for, or a function key's roles.</summary>
    Platform,

    /// <summary>The local host: loopback only, no sign-in, every role.</summary>
    LocalEveryRole,
}

/// <summary>The HTTP access settings as app configuration names them; text, so a bad one is refused naming it.</summary>
public sealed class HttpAccessConfiguration
{
    public string? HttpSignIn { get; set; }
    public string? HttpFunctionKeyRoles { get; set; }
    public string? ReportRequestInterval { get; set; }
}

/// <summary>Refuses a host whose HTTP access settings do not read, at start-up.</summary>
public sealed class HttpAccessConfigurationValidation : IValidateOptions<HttpAccessConfiguration>
{
    public ValidateOptionsResult Validate(string? name, HttpAccessConfiguration options)
    {
        try
        {
            HttpAccessOptions.From(options, CallerTrust.Platform);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException invalid)
        {
            return ValidateOptionsResult.Fail(invalid.Message);
        }
    }
}

/// <param name="SignIn">
/// App Service Authentication is on (<c>HttpSignIn</c>), so the principal header is the platform's. Off, the
/// header is ignored: any client could write one.
/// </param>
/// <param name="FunctionKeyRoles">The roles of a request that came with a function key and no sign-in (<c>HttpFunctionKeyRoles</c>).</param>
/// <param name="RequestInterval">How soon one caller may ask again for the same month (<c>ReportRequestInterval</c>).</param>
public sealed record HttpAccessOptions(CallerTrust Trust, bool SignIn, IReadOnlySet<string> FunctionKeyRoles, TimeSpan RequestInterval)
{
    public static readonly TimeSpan DefaultRequestInterval = TimeSpan.FromMinutes(1);

    public static HttpAccessOptions From(HttpAccessConfiguration configuration, CallerTrust trust) => new(
        trust,
        ParseSignIn(configuration.HttpSignIn),
        ParseRoles(configuration.HttpFunctionKeyRoles),
        ParseInterval(configuration.ReportRequestInterval));

    private static bool ParseSignIn(string? text) =>
        string.IsNullOrWhiteSpace(text) ? false
        : bool.TryParse(text, out var value) ? value
        : throw new FormatException($"HttpSignIn must be true or false, not '{text}'.");

    private static HashSet<string> ParseRoles(string? text)
    {
        var roles = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = roles.Where(role => !AppRoles.All.Contains(role)).ToList();
        return unknown.Count == 0
            ? roles
            : throw new FormatException($"HttpFunctionKeyRoles names {string.Join(", ", unknown)}, not an app role: use {string.Join(", ", AppRoles.All)}.");
    }

    private static TimeSpan ParseInterval(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DefaultRequestInterval
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero ? value
        : throw new FormatException($"ReportRequestInterval must be a duration such as 00:01:00, not '{text}'.");
}
