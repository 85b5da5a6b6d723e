using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ComplianceReports.Signing.Tests;

/// <summary>PFX files as an operator would configure them, made on the spot with small keys for speed.</summary>
internal static class TestPfx
{
    public static byte[] Make(
        string commonName,
        string? password,
        X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature,
        bool withPrivateKey = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        if (withPrivateKey)
        {
            return certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        }
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        return publicOnly.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
    }
}
