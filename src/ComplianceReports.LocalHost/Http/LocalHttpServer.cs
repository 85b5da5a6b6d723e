using System.Reflection;
using ComplianceReports.Functions;
using ComplianceReports.Pipeline.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReports.LocalHost.Http;

/// <summary>
/// Serves the Functions app's HTTP functions beside the WebJobs host, on Kestrel: one endpoint per
/// httpTrigger in functions.metadata, with its route (below <c>api/</c>) and methods, calling the same
/// method on a fresh instance of the same class, created from the pipeline's services. Keys are not
/// checked and nobody signs in locally: the caller holds every role, which is why the server listens on
/// loopback only and answers only loopback Host names (<see cref="Loopback"/>).
/// </summary>
public sealed class LocalHttpServer(IServiceProvider services, IOptions<LocalHttpConfiguration> configuration, ILogger<LocalHttpServer> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The app setting with the address to listen on; port 0 takes a free port.</summary>
    public const string UrlSetting = "LocalHttpUrl";

    /// <summary>The Functions host's default address.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    private WebApplication? app;

    /// <summary>Where the server listens once started, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new(DefaultUrl);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = configuration.Value.Url;
        app = Build(url, HttpFunctionRoutes.Read(HttpFunctionRoutes.DefaultMetadataPath, typeof(IngestAuditEventsFunction).Assembly), services);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? url;
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        logger.LogInformation("HTTP functions listening on {BaseAddress}", BaseAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The Kestrel app, its endpoints mapped from <paramref name="routes"/>, not yet started.</summary>
    public static WebApplication Build(string url, IReadOnlyList<HttpFunctionRoute> routes, IServiceProvider functionServices)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalHttpServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!Loopback.IsLoopbackName(context.Request.Host.Host))
            {
                await Results.Json(
                    new { error = $"Host '{context.Request.Host}' is not a loopback name: the local host answers only 127.0.0.1, ::1 or localhost." },
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        foreach (var route in routes)
        {
            var invoke = Invoker(route, functionServices);
            app.MapMethods($"{ReportLinks.RoutePrefix}/{route.Route}", route.Methods, invoke).WithName(route.Name);
        }
        return app;
    }

    /// <summary>The mapped endpoints as (function name, route pattern, methods), for the parity test.</summary>
    public static IEnumerable<(string Name, string Pattern, IReadOnlyList<string> Methods)> Endpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(endpoint => (
                endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "",
                endpoint.RoutePattern.RawText ?? "",
                (IReadOnlyList<string>)(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [])));

    private static RequestDelegate Invoker(HttpFunctionRoute route, IServiceProvider functionServices)
    {
        var parameters = route.Method.GetParameters();
        foreach (var parameter in parameters.Where(p => p.ParameterType != typeof(HttpRequest) && p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(string)))
        {
            throw new InvalidOperationException($"{route.Name} takes a {parameter.ParameterType.Name}; the local host binds HttpRequest, route values as strings and CancellationToken.");
        }
        return async context =>
        {
            var function = ActivatorUtilities.CreateInstance(functionServices, route.Method.DeclaringType!);
            var arguments = parameters.Select(parameter => parameter.ParameterType == typeof(HttpRequest) ? context.Request
                : parameter.ParameterType == typeof(CancellationToken) ? context.RequestAborted
                : (object?)(context.Request.RouteValues.TryGetValue(parameter.Name!, out var value) ? value?.ToString() : context.Request.Query[parameter.Name!].ToString()))
                .ToArray();
            IResult result;
            try
            {
                result = await (Task<IResult>)route.Method.Invoke(function, arguments)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
            await result.ExecuteAsync(context);
        };
    }
}
