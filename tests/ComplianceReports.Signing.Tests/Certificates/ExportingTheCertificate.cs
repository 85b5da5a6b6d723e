using System.Text;
using ComplianceReports.Signing;

namespace ComplianceReports.Signing.Tests;

public sealed class ExportingTheCertificate : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("signer.pem", "PEM")]
    [InlineData("signer.crt", "PEM")]
    [InlineData("signer.CER", "DER")]
    [InlineData("signer.der", "DER")]
    public void The_extension_chooses_the_encoding_and_the_certificate_loads_back_for_trust(string name, string encoding)
    {
        var path = directory.File(name);

        var written = SigningCertificates.ExportPublic(TestCertificates.Signing, path);
        using var loaded = SigningCertificates.LoadTrusted(path);

        Assert.Equal(encoding, written);
        Assert.Equal(TestCertificates.Signing.RawData, loaded.RawData);
        Assert.False(loaded.HasPrivateKey);
        var content = File.ReadAllBytes(path);
        if (encoding == "PEM")
        {
            Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", Encoding.ASCII.GetString(content), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(TestCertificates.Signing.RawData, content);
        }
    }

    [Fact]
    public void Only_the_public_part_is_exported()
    {
        var path = directory.File("signer.pem");

        SigningCertificates.ExportPublic(TestCertificates.Signing, path);

        var text = File.ReadAllText(path);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.Single(text.Split("-----BEGIN ", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("signer.pfx")]
    [InlineData("signer")]
    public void An_extension_that_names_no_encoding_is_refused_in_one_line(string name)
    {
        var path = directory.File(name);

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.ExportPublic(TestCertificates.Signing, path));

        Assert.Equal($"Cannot tell which encoding {path} wants: name the file .pem or .crt for PEM, .cer or .der for DER.", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_pem_file_is_read_whatever_its_extension_and_whatever_precedes_the_certificate()
    {
        var path = directory.File("trusted.txt");
        File.WriteAllText(path, "Issued by the compliance team\n" + TestCertificates.Signing.ExportCertificatePem() + "\n");

        using var loaded = SigningCertificates.LoadTrusted(path);

        Assert.Equal(TestCertificates.Signing.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void A_missing_trusted_certificate_is_named()
    {
        var path = directory.File("nowhere.pem");

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.LoadTrusted(path));

        Assert.Equal($"The certificate file {path} does not exist.", error.Message);
    }

    [Theory]
    [InlineData("not a certificate")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    public void A_file_without_a_certificate_is_refused(string content)
    {
        var path = directory.File("trusted.pem");
        File.WriteAllText(path, content);

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.LoadTrusted(path));

        Assert.StartsWith($"The file {path} holds no certificate in PEM or DER", error.Message, StringComparison.Ordinal);
    }
}
