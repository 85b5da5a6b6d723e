using System.Text;
using ComplianceReports.Pipeline.Delivery;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>The reviewer of an HTTP review in Azure: the name App Service authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
public sealed class ReadingTheSignedInIdentity
{
    [Fact]
    public void The_name_is_the_claim_the_principal_names_as_its_name_type()
    {
        var header = Encode("""
            {"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
             "role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
             "claims":[{"typ":"name","val":"Alice Auditor"},{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","val":"alice@example.com"},
                       {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Reports.Review"}]}
            """);

        Assert.Equal(new ClientPrincipal("alice@example.com"), ClientPrincipal.FromHeader(header));
    }

    [Fact]
    public void Without_a_name_type_claim_the_name_or_preferred_username_claim_names_the_caller()
    {
        Assert.Equal("Bob", ClientPrincipal.FromHeader(Encode("""{"claims":[{"typ":"preferred_username","val":"bob@example.com"},{"typ":"name","val":"Bob"}]}"""))?.Name);
        Assert.Equal("carol@example.com", ClientPrincipal.FromHeader(Encode("""{"name_typ":"upn","claims":[{"typ":"preferred_username","val":"carol@example.com"}]}"""))?.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    public void No_header_or_one_that_does_not_decode_is_no_principal(string? header)
    {
        Assert.Null(ClientPrincipal.FromHeader(header));
    }

    [Theory]
    [InlineData("""not json""")]
    [InlineData("""{"claims":"none"}""")]
    [InlineData("""{"claims":[{"typ":"roles","val":"Reports.Review"},{"typ":"name","val":" "}]}""")]
    public void A_principal_that_names_no_one_is_no_principal(string json)
    {
        Assert.Null(ClientPrincipal.FromHeader(Encode(json)));
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
