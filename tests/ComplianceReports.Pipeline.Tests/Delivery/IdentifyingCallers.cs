using System.Text;
using System.Text.Json;
using ComplianceReports.Pipeline.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>Who is calling, read from the principal App Service Authentication puts on a request.</summary>
public class IdentifyingCallers
{
    private const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    [Fact]
    public void The_principal_header_gives_the_callers_name_object_id_and_app_roles()
    {
        var header = PrincipalHeader(
            ("name", "Auditor One"),
            ("preferred_username", "auditor@example.com"),
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", "00000000-0000-0000-0000-00000000000a"),
            ("roles", AppRoles.ReportsRead),
            (RoleType, AppRoles.EvidenceRead));

        var caller = Caller.FromPrincipalHeader(header)!;

        Assert.Equal(("auditor@example.com", "00000000-0000-0000-0000-00000000000a"), (caller.Name, caller.Id));
        Assert.Equal([AppRoles.EvidenceRead, AppRoles.ReportsRead], caller.Roles.Order());
    }

    [Fact]
    public void A_client_credentials_caller_is_named_by_its_application_id()
    {
        var caller = Caller.FromPrincipalHeader(PrincipalHeader(("appid", "11111111-2222-3333-4444-555555555555"), ("oid", "sp-object"), ("roles", AppRoles.ReportsRequest)))!;

        Assert.Equal("11111111-2222-3333-4444-555555555555 (sp-object)", caller.ToString());
        Assert.True(caller.Holds(AppRoles.ReportsRequest));
    }

    [Fact]
    public void The_signed_in_name_a_review_is_by_is_the_claim_the_principal_names_as_its_name_type_else_a_name_claim()
    {
        var named = Caller.FromPrincipalHeader(PrincipalHeader(
            ("name", "Alice Auditor"), ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "alice@example.com"), (RoleType, AppRoles.ReportsReview)))!;
        var byName = Caller.FromPrincipalHeader(Encode("""{"name_typ":"upn","claims":[{"typ":"name","val":"Bob"}]}"""))!;

        Assert.Equal(("alice@example.com", "Bob"), (named.SignedInName, byName.SignedInName));
    }

    [Theory]
    [InlineData("""{"claims":[{"typ":"roles","val":"Reports.Review"},{"typ":"name","val":" "}]}""")]
    [InlineData("""{"claims":[{"typ":"oid","val":"someone"}]}""")]
    public void A_principal_that_names_no_one_has_no_signed_in_name_and_no_one_else_has_one(string json)
    {
        Assert.Null(Caller.FromPrincipalHeader(Encode(json))!.SignedInName);
        Assert.Null(Caller.LocalDeveloper.SignedInName);
        Assert.Null(Caller.FunctionKey(new HashSet<string>()).SignedInName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJjbGFpbXMiOjV9")]
    public void A_missing_or_unreadable_header_is_no_principal(string? header)
    {
        Assert.Null(Caller.FromPrincipalHeader(header));
    }

    [Fact]
    public void Without_sign_in_a_principal_header_is_ignored_since_any_client_can_write_one()
    {
        var forged = PrincipalHeader(("oid", "forger"), ("roles", AppRoles.EvidenceRead));

        var caller = Access(signIn: false, keyRoles: "").Identify(forged);

        Assert.Equal(Caller.FunctionKey(new HashSet<string>()).ToString(), caller.ToString());
        Assert.Empty(caller.Roles);
    }

    [Fact]
    public void With_sign_in_a_request_without_a_principal_holds_the_function_key_roles_only()
    {
        var access = Access(signIn: true, keyRoles: "Reports.Request, Reports.Read");

        Assert.Equal([AppRoles.ReportsRead, AppRoles.ReportsRequest], access.Identify(null).Roles.Order());
        Assert.Equal([AppRoles.EvidenceRead], access.Identify(PrincipalHeader(("oid", "someone"), ("roles", AppRoles.EvidenceRead))).Roles);
    }

    [Fact]
    public void The_local_host_caller_holds_every_role_whatever_the_request_says()
    {
        var access = new RouteAccess(
            HttpAccessOptions.From(new HttpAccessConfiguration(), CallerTrust.LocalEveryRole), NullLogger<RouteAccess>.Instance);

        Assert.Equal(AppRoles.All.Order(), access.Identify(PrincipalHeader(("roles", AppRoles.ReportsRead))).Roles.Order());
    }

    [Theory]
    [InlineData("HttpSignIn", "yes", "HttpSignIn must be true or false, not 'yes'.")]
    [InlineData("HttpFunctionKeyRoles", "Reports.Read,Admin", "HttpFunctionKeyRoles names Admin, not an app role")]
    [InlineData("ReportRequestInterval", "a minute", "ReportRequestInterval must be a duration such as 00:01:00, not 'a minute'.")]
    public void A_bad_access_setting_is_refused_in_one_line_naming_it(string setting, string value, string expected)
    {
        var configuration = new HttpAccessConfiguration();
        typeof(HttpAccessConfiguration).GetProperty(setting)!.SetValue(configuration, value);

        var result = new HttpAccessConfigurationValidation().Validate(null, configuration);

        Assert.True(result.Failed);
        Assert.StartsWith(expected, result.FailureMessage);
        Assert.DoesNotContain('\n', result.FailureMessage);
    }

    [Fact]
    public void Every_role_the_table_names_is_an_app_role_and_no_route_is_both_guarded_and_public()
    {
        Assert.All(RouteAccess.RequiredRoles.Values, role => Assert.Contains(role, AppRoles.All));
        Assert.Empty(RouteAccess.RequiredRoles.Keys.Intersect(RouteAccess.Public));
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    internal static string PrincipalHeader(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = claims.Select(claim => new { typ = claim.Type, val = claim.Value }),
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            role_typ = RoleType,
        })));

    private static RouteAccess Access(bool signIn, string keyRoles) => new(
        HttpAccessOptions.From(new HttpAccessConfiguration { HttpSignIn = signIn.ToString(), HttpFunctionKeyRoles = keyRoles }, CallerTrust.Platform),
        NullLogger<RouteAccess>.Instance);
}
