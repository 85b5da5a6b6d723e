using System.Reflection;
using System.Text.Json;
using ComplianceReports.Functions;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.LocalHost;
using ComplianceReports.LocalHost.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>The local host must bind what Azure binds: the Functions SDK's functions.metadata is the reference.</summary>
public sealed class ShimParity
{
    private static readonly IReadOnlyList<(string Name, string Trigger, string Source)> Metadata = ReadFunctionsMetadata();

    private static readonly IReadOnlyList<(string Name, string Route, string Methods)> HttpMetadata = ReadHttpFunctionsMetadata();

    [Fact]
    public void The_local_host_has_a_shim_or_an_http_endpoint_for_every_function_and_no_other()
    {
        Assert.NotEmpty(Metadata);
        Assert.NotEmpty(HttpMetadata);
        Assert.Equal(
            Metadata.Select(f => f.Name).Concat(HttpMetadata.Select(f => f.Name)).Order(),
            Shims().Select(s => s.Name).Concat(HttpEndpoints().Select(e => e.Name)).Order());
    }

    [Fact]
    public void Each_http_endpoint_has_the_route_and_methods_of_the_functions_app()
    {
        Assert.Equal(
            HttpMetadata.Select(f => (f.Name, $"api/{f.Route}", f.Methods)).Order(),
            HttpEndpoints().Order());
    }

    [Fact]
    public void Only_the_signing_certificate_is_served_without_a_function_key()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var anonymous = document.RootElement.EnumerateArray()
            .Where(function => function.GetProperty("bindings").EnumerateArray()
                .Any(binding => binding.GetProperty("type").GetString() == "httpTrigger" && binding.GetProperty("authLevel").GetString() != "Function"))
            .Select(function => function.GetProperty("name").GetString())
            .ToList();

        Assert.Equal([ReportRoutes.SigningCertificate], anonymous);
    }

    /// <summary>The endpoints the local Kestrel app maps, read from the app itself (built, not started).</summary>
    private static List<(string Name, string Route, string Methods)> HttpEndpoints()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var app = LocalHttpServer.Build(
            "http://127.0.0.1:0", HttpFunctionRoutes.Read(HttpFunctionRoutes.DefaultMetadataPath, typeof(IngestAuditEventsFunction).Assembly), services);
        try
        {
            return LocalHttpServer.Endpoints(app).Select(e => (e.Name, e.Pattern, string.Join(',', e.Methods.Order()))).ToList();
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    private static List<(string Name, string Route, string Methods)> ReadHttpFunctionsMetadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return document.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
                .Select(binding => (
                    function.GetProperty("name").GetString()!,
                    binding.GetProperty("route").GetString()!,
                    string.Join(',', binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order()))))
            .ToList();
    }

    [Fact]
    public void Each_shim_binds_the_same_trigger_queue_or_schedule_as_the_functions_app()
    {
        var shims = Shims().ToDictionary(s => s.Name);
        foreach (var function in Metadata)
        {
            Assert.Equal((function.Trigger, function.Source), (shims[function.Name].Trigger, shims[function.Name].Source));
        }
    }

    private static IEnumerable<(string Name, string Trigger, string Source)> Shims() =>
        typeof(FunctionShims).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(method => (
                Name: method.GetCustomAttribute<FunctionNameAttribute>()?.Name ?? throw new InvalidOperationException($"{method.Name} has no [FunctionName]."),
                Binding: method.GetParameters().Select(TriggerOf).Single(binding => binding is not null)!.Value))
            .Select(shim => (shim.Name, shim.Binding.Trigger, shim.Binding.Source));

    private static (string Trigger, string Source)? TriggerOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue ? ("queueTrigger", queue.QueueName)
        : parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer ? ("timerTrigger", timer.ScheduleExpression)
        : null;

    private static List<(string Name, string Trigger, string Source)> ReadFunctionsMetadata()
    {
        // The Functions SDK writes it at build time and it flows to this test's output with the local host.
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return document.RootElement.EnumerateArray()
            // HTTP functions are served by the local Kestrel app, not by shims: the tests above hold those.
            .Where(function => !function.GetProperty("bindings").EnumerateArray().Any(binding => binding.GetProperty("type").GetString() == "httpTrigger"))
            .Select(function =>
            {
                var trigger = function.GetProperty("bindings").EnumerateArray()
                    .Single(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
                var type = trigger.GetProperty("type").GetString()!;
                var source = type switch
                {
                    "queueTrigger" => trigger.GetProperty("queueName").GetString()!,
                    "timerTrigger" => trigger.GetProperty("schedule").GetString()!,
                    _ => throw new InvalidOperationException($"The local host has no shim kind for {type}."),
                };
                return (function.GetProperty("name").GetString()!, type, source);
            })
            .ToList();
    }
}
