using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// The one gate of every HTTP route but the public ones: who is calling, whether they hold the app role
/// the route needs (403 with a one-line reason if not), and a log line naming the caller for every
/// download and request. The log carries the route, the path (months and versions), the caller and the
/// status, never a file's contents.
/// </summary>
public sealed partial class RouteAccess(HttpAccessOptions options, ILogger<RouteAccess> logger)
{
    /// <summary>The role each route needs. A new route is one line here; a test holds every HTTP function to this table.</summary>
    public static readonly IReadOnlyDictionary<string, string> RequiredRoles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReportRoutes.List] = AppRoles.ReportsRead,
        [ReportRoutes.Latest] = AppRoles.ReportsRead,
        [ReportRoutes.Version] = AppRoles.ReportsRead,
        [ReportRoutes.Summary] = AppRoles.ReportsRead,
        [ReportRoutes.Evidence] = AppRoles.EvidenceRead,
        [ReportRoutes.Request] = AppRoles.ReportsRequest,
        [ReportRoutes.RequestStatus] = AppRoles.ReportsRequest,
        [ReportRoutes.RecordReview] = AppRoles.ReportsReview,
        [ReportRoutes.Reviews] = AppRoles.ReportsRead,
    };

    /// <summary>Routes anyone may call: a certificate's public part is no secret, and an auditor given a report by mail has no account.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal) { ReportRoutes.SigningCertificate };

    /// <summary>
    /// The caller of a request with <paramref name="principalHeader"/>. Without sign-in the header is ignored,
    /// since any client could write it; with sign-in, a request without one came by a path excluded from it.
    /// </summary>
    public Caller Identify(string? principalHeader) =>
        options.Trust == CallerTrust.LocalEveryRole ? Caller.LocalDeveloper
        : options.SignIn && Caller.FromPrincipalHeader(principalHeader) is { } signedIn ? signedIn
        : Caller.FunctionKey(options.FunctionKeyRoles);

    /// <summary>Serves <paramref name="route"/> for its caller if they hold its role.</summary>
    public async Task<DeliveryReply> ServeAsync(string route, string path, string? principalHeader, Func<Caller, Task<DeliveryReply>> serve)
    {
        if (!RequiredRoles.TryGetValue(route, out var role))
        {
            throw new InvalidOperationException($"{route} is not in RouteAccess.RequiredRoles: name the app role it needs.");
        }
        var caller = Identify(principalHeader);
        if (!caller.Holds(role))
        {
            LogRefused(route, path, caller.ToString(), role);
            return JsonReply.Error(403, $"{route} needs the app role {role}, which {caller} does not hold: an administrator assigns it in the app registration (infra/README.md, App roles).");
        }
        var reply = await serve(caller);
        LogServed(route, path, caller.ToString(), reply.Status);
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} {Path} refused to {Caller}: lacks app role {Role}")]
    private partial void LogRefused(string route, string path, string caller, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Route} {Path} for {Caller}: {StatusCode}")]
    private partial void LogServed(string route, string path, string caller, int statusCode);
}
