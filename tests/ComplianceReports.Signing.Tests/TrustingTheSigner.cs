using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;

namespace ComplianceReports.Signing.Tests;

public sealed class TrustingTheSigner
{
    [Fact]
    public void TheDeploymentsCertificateIsTrusted()
    {
        var signer = PdfSignatureCheck.Check(SignedPdfs.Report()).Signer;

        var verdict = new SignerTrust([PublicPart(TestCertificates.Signing)]).Judge(signer);

        Assert.True(verdict.IsTrusted);
        Assert.Equal($"trusted: signed by CN={TestCertificates.Subject}, the deployment's certificate (SHA-256 thumbprint {SignerTrust.Thumbprint(TestCertificates.Signing)})", verdict.Message);
    }

    [Fact]
    public void ACertificateWithTheSameSubjectButAnotherKeyIsRefusedByNameAndThumbprint()
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
    public void AnyOfSeveralTrustedCertificatesIsTrusted()
    {
        using var past = SelfSigned("CN=Last year's signer");

        var verdict = new SignerTrust([past, PublicPart(TestCertificates.Signing)]).Judge(PdfSignatureCheck.Check(SignedPdfs.Report()).Signer);

        Assert.True(verdict.IsTrusted);
    }

    [Fact]
    public void WithoutATrustedCertificateTheSignerIsNotPinned()
    {
        var verdict = new SignerTrust([]).Judge(PdfSignatureCheck.Check(SignedPdfs.Report()).Signer);

        Assert.False(verdict.IsTrusted);
        Assert.StartsWith("not pinned: pass --trust CERT", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignatureWithoutASignerIsNotTrusted()
    {
        var verdict = new SignerTrust([TestCertificates.Signing]).Judge(PdfSignatureCheck.Check(UnsignedPdfs.Report()).Signer);

        Assert.False(verdict.IsTrusted);
        Assert.Equal("NOT TRUSTED: the signature carries no readable signer certificate", verdict.Message);
    }

    [Fact]
    public void TheThumbprintIsTheSha256OfTheDerEncodingInLowerCaseHex()
    {
        var thumbprint = SignerTrust.Thumbprint(TestCertificates.Signing);

        Assert.Equal(TestCertificates.Signing.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(), thumbprint);
        Assert.Matches("^[0-9a-f]{64}$", thumbprint);
    }

    [Fact]
    public void TheCheckReturnsTheSignersCertificate()
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
