using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Functions;
using ComplianceReports.LocalHost.Http;
using ComplianceReports.Pipeline;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// Every HTTP function as Azure runs it behind App Service Authentication: the Functions app's own classes
/// on Kestrel, trusting the principal header as they do in Azure (not the local host's every role).
/// </summary>
public sealed class GuardingRoutes(GuardingRoutes.SignedInServer server) : IClassFixture<GuardingRoutes.SignedInServer>
{
    public static TheoryData<string> GuardedRoutes => [.. RouteAccess.RequiredRoles.Keys.Order()];

    [Fact]
    public void Every_http_function_needs_a_role_or_is_explicitly_public()
    {
        Assert.Equal(
            SignedInServer.Routes.Select(route => route.Name).Order(),
            RouteAccess.RequiredRoles.Keys.Concat(RouteAccess.Public).Order());
    }

    [Theory]
    [MemberData(nameof(GuardedRoutes))]
    public async Task A_caller_without_a_principal_is_refused_with_a_one_line_reason(string route)
    {
        using var response = await server.SendAsync(route, principal: null);

        await AssertRefusedAsync(response, route);
    }

    [Theory]
    [MemberData(nameof(GuardedRoutes))]
    public async Task A_caller_holding_every_role_but_the_routes_own_is_refused(string route)
    {
        var others = AppRoles.All.Where(role => role != RouteAccess.RequiredRoles[route]).ToArray();

        using var response = await server.SendAsync(route, Principal("wrong-role", others));

        await AssertRefusedAsync(response, route);
    }

    [Theory]
    [MemberData(nameof(GuardedRoutes))]
    public async Task A_caller_holding_the_routes_role_alone_is_served(string route)
    {
        using var response = await server.SendAsync(route, Principal($"right-role-{route}", RouteAccess.RequiredRoles[route]));

        // Nothing is stored on this account, so a download finds no report: served, not refused.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.NotFound });
    }

    [Fact]
    public async Task The_signing_certificate_is_served_to_anyone()
    {
        using var response = await server.SendAsync(ReportRoutes.SigningCertificate, principal: null);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_caller_asking_again_for_the_same_month_waits_with_retry_after_while_others_do_not()
    {
        var alice = Principal("alice-rate", AppRoles.ReportsRequest);

        using var first = await server.SendAsync(ReportRoutes.Request, alice, month: "2015-07");
        using var again = await server.SendAsync(ReportRoutes.Request, alice, month: "2015-07");
        using var otherMonth = await server.SendAsync(ReportRoutes.Request, alice, month: "2015-08");
        using var otherCaller = await server.SendAsync(ReportRoutes.Request, Principal("bob-rate", AppRoles.ReportsRequest), month: "2015-07");

        Assert.Equal(
            (HttpStatusCode.Accepted, (HttpStatusCode)429, HttpStatusCode.Accepted, HttpStatusCode.Accepted),
            (first.StatusCode, again.StatusCode, otherMonth.StatusCode, otherCaller.StatusCode));
        var retryAfter = again.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), HttpAccessOptions.DefaultRequestInterval);
        var error = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("2015-07", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("192.0.2.1:7071")]
    public async Task A_request_naming_another_host_than_loopback_gets_400(string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/signing-certificate");
        request.Headers.Host = hostHeader;

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a loopback name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_download_and_request_is_logged_with_the_caller()
    {
        using var response = await server.SendAsync(ReportRoutes.Evidence, Principal("logged-caller", AppRoles.EvidenceRead));
        using var refused = await server.SendAsync(ReportRoutes.Evidence, Principal("refused-caller", AppRoles.ReportsRead));

        Assert.Contains(server.Log.Messages, line => line.StartsWith($"{ReportRoutes.Evidence} /api/reports/2015-06/versions/1/evidence for logged-caller@example.com (logged-caller): 404", StringComparison.Ordinal));
        Assert.Contains(server.Log.Messages, line => line.Contains("refused to refused-caller@example.com (refused-caller): lacks app role Evidence.Read", StringComparison.Ordinal));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string route)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain('\n', body);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
        Assert.Contains(RouteAccess.RequiredRoles[route], error, StringComparison.Ordinal);
    }

    /// <summary>What App Service Authentication puts on a signed-in request.</summary>
    private static string Principal(string objectId, params string[] roles) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = new[]
                {
                    new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", val = $"{objectId}@example.com" },
                    new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId },
                }
                .Concat(roles.Select(role => new { typ = "roles", val = role })),
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        })));

    /// <summary>The HTTP functions on a storage account of their own, with sign-in on (<c>HttpSignIn</c>).</summary>
    public sealed class SignedInServer : IAsyncLifetime
    {
        public static readonly IReadOnlyList<HttpFunctionRoute> Routes =
            HttpFunctionRoutes.Read(HttpFunctionRoutes.DefaultMetadataPath, typeof(IngestAuditEventsFunction).Assembly);

        private readonly AzuriteAccount account = AzuriteAccount.Lease();
        private ServiceProvider? services;
        private WebApplication? app;

        public RecordedLog Log { get; } = new();

        public HttpClient Http { get; private set; } = new();

        public async Task InitializeAsync()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageConnection.DefaultName] = account.ConnectionString,
                ["HttpSignIn"] = "true",
                [ReportOptions.LocalSelfSignedPathKey] = LocalFunctionsHostFixture.SigningCertificatePath,
            }).Build();
            services = new ServiceCollection()
                .AddLogging(logging => logging.AddProvider(Log))
                .AddCompliancePipeline(configuration)
                .AddReportDelivery(configuration, CallerTrust.Platform)
                .BuildServiceProvider();
            await services.GetRequiredService<StorageResources>().CreateAllAsync(default);
            app = LocalHttpServer.Build("http://127.0.0.1:0", Routes, services);
            await app.StartAsync();
            Http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") };
        }

        /// <summary>Calls <paramref name="route"/> with plausible route values, as <paramref name="principal"/> (base64 JSON) or as no one.</summary>
        public async Task<HttpResponseMessage> SendAsync(string route, string? principal, string month = "2015-06")
        {
            var function = Routes.Single(r => r.Name == route);
            var path = function.Route.Replace("{month}", month).Replace("{version}", "1").Replace("{requestId}", ReportRequestId.New());
            using var request = new HttpRequestMessage(new HttpMethod(function.Methods[0]), $"{ReportLinks.RoutePrefix}/{path}");
            if (principal is not null)
            {
                request.Headers.Add(Caller.PrincipalHeader, principal);
            }
            return await Http.SendAsync(request);
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            if (services is not null)
            {
                await services.DisposeAsync();
            }
            account.Dispose();
        }
    }
}
