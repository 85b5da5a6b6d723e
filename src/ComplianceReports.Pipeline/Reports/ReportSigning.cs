using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// Signs report PDFs with the certificate of configuration, loaded once, on the first report: a host
/// that never generates a report never needs the key.
/// </summary>
public sealed class ReportSigning(ReportOptions options, TimeProvider clock)
{
    // PublicationOnly: a failed load (the vault not yet holding the certificate) is retried on the next report, not remembered.
    private readonly Lazy<X509Certificate2> certificate = new(() => Load(options.Signing), LazyThreadSafetyMode.PublicationOnly);

    public byte[] Sign(byte[] unsignedPdf, string organisation) =>
        new ReportSigner(certificate.Value, SignatureInfo.ForMonthlyReport(organisation), clock).Sign(unsignedPdf);

    private static X509Certificate2 Load(SigningOptions signing) =>
        signing.CertificateBase64?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true
            ? throw new SigningCertificateException(
                "ReportSigningCertificate is a Key Vault reference the platform could not resolve: import the signing certificate into the vault (infra/README.md) and restart the app.")
        : signing.CertificateBase64 is not null || signing.CertificatePath is not null
            ? SigningCertificates.Load(signing.CertificateBase64, signing.CertificatePath, signing.Password)
            : signing.LocalSelfSignedPath is { } path
                ? SigningCertificates.LoadOrCreateSelfSigned(path, "ComplianceReports local signing")
                : throw new SigningCertificateException(
                    "No report-signing certificate: set ReportSigningCertificate (a base64 PFX, in Azure a Key Vault reference) or ReportSigningCertificatePath.");
}
