using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ComplianceReports.LocalHost.Http;

/// <summary>An HTTP function as functions.metadata describes it, with the method the worker would call.</summary>
public sealed record HttpFunctionRoute(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method);

/// <summary>
/// Reads the HTTP functions from the functions.metadata that the Functions SDK writes at build time
/// (it lands in the local host's output directory): their routes and methods are the Functions app's
/// own, so the local server cannot drift from what Azure serves.
/// </summary>
public static class HttpFunctionRoutes
{
    public static string DefaultMetadataPath => Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    public static IReadOnlyList<HttpFunctionRoute> Read(string metadataPath, Assembly functions)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(metadataPath));
        var routes = new List<HttpFunctionRoute>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .FirstOrDefault(binding => binding.GetProperty("type").GetString() == "httpTrigger");
            if (trigger.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var name = function.GetProperty("name").GetString()!;
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var route = trigger.TryGetProperty("route", out var r) && r.GetString() is { Length: > 0 } text ? text : name;
            var methods = trigger.TryGetProperty("methods", out var m)
                ? m.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).ToList()
                : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
            routes.Add(new HttpFunctionRoute(name, route, methods, FindMethod(functions, entryPoint)));
        }
        return routes;
    }

    private static MethodInfo FindMethod(Assembly functions, string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = functions.GetType(entryPoint[..dot], throwOnError: true)!;
        var method = type.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"functions.metadata names {entryPoint}, which {functions.GetName().Name} lacks.");
        if (method.ReturnType != typeof(Task<IResult>))
        {
            throw new InvalidOperationException($"{entryPoint} returns {method.ReturnType}; the local host calls HTTP functions that return Task<IResult>.");
        }
        return method;
    }
}
