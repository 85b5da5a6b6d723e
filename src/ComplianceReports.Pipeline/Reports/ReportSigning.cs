using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Signing;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// The signer of report PDFs, with the certificate of configuration, loaded on the first report (a host
/// that never generates a report never needs the key) and published, public part only, before it signs
/// anything: a verifier can fetch the certificate of every report there is.
/// </summary>
public sealed class ReportSigning(ReportOptions options, SigningCertificateStore published, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ReportSigner? signer;

    /// <summary>
    /// The signer; its <see cref="ReportSigner.Attach"/> signs a document in the save that writes it.
    /// A failed load or publication (the vault not yet holding the certificate, storage unreachable) is
    /// retried on the next report, not remembered.
    /// </summary>
    public async Task<ReportSigner> SignerAsync(CancellationToken cancellationToken)
    {
        if (signer is { } loaded)
        {
            return loaded;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (signer is null)
            {
                var certificate = Load(options.Signing);
                await published.PublishAsync(certificate, cancellationToken);
                signer = new ReportSigner(certificate, SignatureInfo.ForMonthlyReport(options.Settings.Organisation), clock);
            }
            return signer;
        }
        finally
        {
            gate.Release();
        }
    }

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
