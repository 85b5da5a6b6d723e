using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;

namespace ComplianceReports.Signing.Tests;

public sealed class LoadingTheSigningCertificate : IDisposable
{
    private const string Password = "correct horse battery staple";

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_configured_certificate_is_loaded_with_its_key(bool asBase64)
    {
        var pfx = TestPfx.Make("Configured Signer", Password);
        var path = directory.File("signer.pfx");
        File.WriteAllBytes(path, pfx);

        using var certificate = asBase64
            ? SigningCertificates.Load(Convert.ToBase64String(pfx), pfxPath: null, Password)
            : SigningCertificates.Load(base64Pfx: "  ", path, Password);

        Assert.Equal("CN=Configured Signer", certificate.Subject);
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void Base_64_wins_over_a_file()
    {
        var path = directory.File("signer.pfx");
        File.WriteAllBytes(path, TestPfx.Make("File Signer", Password));
        var base64 = Convert.ToBase64String(TestPfx.Make("Base64 Signer", Password));

        using var certificate = SigningCertificates.Load(base64, path, Password);

        Assert.Equal("CN=Base64 Signer", certificate.Subject);
    }

    [Fact]
    public void A_loaded_certificate_signs_reports()
    {
        using var certificate = SigningCertificates.Load(Convert.ToBase64String(TestPfx.Make("Configured Signer", Password)), null, Password);

        var signed = new ReportSigner(certificate, SignatureInfo.ForMonthlyReport("Example Oy")).Sign(UnsignedPdfs.Report());

        Assert.Equal("signature intact, signed by CN=Configured Signer", PdfSignatureCheck.Check(signed).Message.Split(" at ")[0]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_wrong_password_is_said_to_be_wrong(bool asBase64)
    {
        var pfx = TestPfx.Make("Signer", Password);
        var path = directory.File("signer.pfx");
        File.WriteAllBytes(path, pfx);

        var error = Assert.Throws<SigningCertificateException>(() =>
            SigningCertificates.Load(asBase64 ? Convert.ToBase64String(pfx) : null, asBase64 ? null : path, "not the password"));

        Assert.EndsWith("the password is wrong.", error.Message, StringComparison.Ordinal);
        Assert.Contains(asBase64 ? "given as base64" : path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_password_is_said_to_be_missing()
    {
        var pfx = TestPfx.Make("Signer", Password);

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.Load(Convert.ToBase64String(pfx), null, password: null));

        Assert.EndsWith("it needs a password and none was given.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = directory.File("nowhere/signer.pfx");

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.Load(null, path, Password));

        Assert.Equal($"The signing certificate file {path} does not exist.", error.Message);
    }

    [Fact]
    public void A_file_that_is_no_pfx_is_said_to_be_unreadable()
    {
        var path = directory.File("signer.pfx");
        File.WriteAllText(path, "-----BEGIN CERTIFICATE-----\nnot a pfx\n-----END CERTIFICATE-----\n");

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.Load(null, path, Password));

        Assert.Contains("is not a readable PFX (PKCS#12) file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_64_that_is_not_base_64_is_refused()
    {
        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.Load("not*base64!", null, Password));

        Assert.Equal("The signing certificate given as base64 is not valid base64.", error.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var pfx = TestPfx.Make("Public Only", Password, withPrivateKey: false);

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.Load(Convert.ToBase64String(pfx), null, Password));

        Assert.Contains("CN=Public Only", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no private key, so it cannot sign", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_not_meant_for_signatures_is_refused()
    {
        var pfx = TestPfx.Make("Encryption Only", Password, X509KeyUsageFlags.KeyEncipherment);

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.Load(Convert.ToBase64String(pfx), null, Password));

        Assert.Contains("may not be used for signatures (its key usage is KeyEncipherment)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_configured_certificate_is_refused()
    {
        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.Load(null, "", Password));

        Assert.Equal("No signing certificate is configured: give a PFX as base64 or the path of a PFX file.", error.Message);
    }
}
