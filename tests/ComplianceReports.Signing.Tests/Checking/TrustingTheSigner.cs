using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;

namespace ComplianceReports.Signing.Tests;

public sealed class TrustingTheSigner
{
    [Fact]
    public void The_deployments_certificate_is_trusted()
    {
        var signer = PdfSignatureCheck.Check(SignedPdfs.Report()).Signer;

        var verdict = new SignerTrust([PublicPart(TestCertificates.Signing)]).Judge(signer);

        Assert.True(verdict.IsTrusted);
        Assert.Equal($"trusted: signed by CN={TestCertificates.Subject}, the deployment's certificate (SHA-256 thumbprint {SignerTrust.Thumbprint(TestCertificates.Signing)})", verdict.Message);
    }

    [Fact]
    public void A_certificate_with_the_same_subject_but_another_key_is_refused_by_name_and_thumbprint()
    {
        using var impostor = SelfSigned($"CN={TestCertificates.Subject}");
        var forged = new ReportSigner(impostor, SignatureInfo.ForMonthlyReport("Example Oy")).Sign(UnsignedPdfs.Report());
        var check = PdfSignatureCheck.Check(forged);

        var verdict = new SignerTrust([PublicPart(TestCertificates.Signing)]).Judge(check.Signer);

        Assert.True(check.IsIntact);
        Assert.False(verdict.IsTrusted);
        Assert.Equal($"NOT TRUSTED: signed by CN={TestCertificates.Subject}, SHA-256 thumbprint {SignerTrust.Thumbprint(impostor)}, which is not the deployment's certificate", verdict.Message);
    }

    [Fact]
    public void Any_of_several_trusted_certificates_is_trusted()
    {
        using var past = SelfSigned("CN=Last year's signer");

        var verdict = new SignerTrust([past, PublicPart(TestCertificates.Signing)]).Judge(PdfSignatureCheck.Check(SignedPdfs.Report()).Signer);

        Assert.True(verdict.IsTrusted);
    }

    [Fact]
    public void Without_a_trusted_certificate_the_signer_is_not_pinned()
    {
        var verdict = new SignerTrust([]).Judge(PdfSignatureCheck.Check(SignedPdfs.Report()).Signer);

        Assert.False(verdict.IsTrusted);
        Assert.StartsWith("not pinned: pass --trust CERT", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_without_a_signer_is_not_trusted()
    {
        var verdict = new SignerTrust([TestCertificates.Signing]).Judge(PdfSignatureCheck.Check(UnsignedPdfs.Report()).Signer);

        Assert.False(verdict.IsTrusted);
        Assert.Equal("NOT TRUSTED: the signature carries no readable signer certificate", verdict.Message);
    }

    [Fact]
    public void The_thumbprint_is_the_sha_256_of_the_der_encoding_in_lower_case_hex()
    {
        var thumbprint = SignerTrust.Thumbprint(TestCertificates.Signing);

        Assert.Equal(TestCertificates.Signing.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(), thumbprint);
        Assert.Matches("^[0-9a-f]{64}$", thumbprint);
    }

    [Fact]
    public void The_check_returns_the_signers_certificate()
    {
        var check = PdfSignatureCheck.Check(SignedPdfs.Report());

        Assert.Equal(TestCertificates.Signing.RawData, check.Signer!.RawData);
        Assert.False(check.Signer.HasPrivateKey);
    }

    private static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
