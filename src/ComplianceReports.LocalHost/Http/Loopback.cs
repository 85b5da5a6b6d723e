using System.Net;
using Microsoft.Extensions.Options;

namespace ComplianceReports.LocalHost.Http;

/// <summary>
/// The local host has no sign-in and lets its caller hold every role, so it must answer this machine
/// alone: it listens on a loopback address only, and answers only requests that name one in their Host
/// header (a page elsewhere that rebinds its own name to 127.0.0.1 sends its own name there).
/// </summary>
public static class Loopback
{
    public static bool IsLoopbackName(string? host)
    {
        var name = host?.Trim('[', ']');
        return !string.IsNullOrEmpty(name)
            && (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address)));
    }

    /// <summary>The one line that stops a host whose <see cref="LocalHttpServer.UrlSetting"/> is not a loopback address; <c>null</c> when it is.</summary>
    public static string? RefuseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host)
            ? null
            : $"{LocalHttpServer.UrlSetting} must be a loopback address (127.0.0.1, ::1 or localhost), not {url}: the local host has no sign-in";
}

/// <summary>The local HTTP settings as configuration names them.</summary>
public sealed class LocalHttpConfiguration
{
    public string? LocalHttpUrl { get; set; }

    /// <summary>Where the server listens; port 0 takes a free one.</summary>
    public string Url => string.IsNullOrWhiteSpace(LocalHttpUrl) ? LocalHttpServer.DefaultUrl : LocalHttpUrl;
}

/// <summary>Stops the host before anything starts when <see cref="LocalHttpServer.UrlSetting"/> would listen beyond this machine.</summary>
public sealed class LocalHttpConfigurationValidation : IValidateOptions<LocalHttpConfiguration>
{
    public ValidateOptionsResult Validate(string? name, LocalHttpConfiguration options) =>
        Loopback.RefuseUrl(options.Url) is { } refusal ? ValidateOptionsResult.Fail(refusal) : ValidateOptionsResult.Success;
}
