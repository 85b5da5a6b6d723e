using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ComplianceReports.Signing;

/// <summary>Whether a signature's signer is one of the trusted certificates, and the line that says so.</summary>
/// <param name="IsTrusted">The signer is one of them.</param>
/// <param name="Message">One plain sentence for a person, such as <c>trusted: signed by CN=…, the deployment's certificate (SHA-256 thumbprint …)</c>.</param>
public sealed record TrustVerdict(bool IsTrusted, string Message);

/// <summary>
/// Pins a report's signer to the deployment's certificates: a signature is only as good as its signer,
/// and anyone can make a certificate with the same subject, so certificates are compared by the SHA-256
/// thumbprint of their DER encoding, never by name.
/// </summary>
public sealed class SignerTrust
{
    private readonly Dictionary<string, X509Certificate2> trusted;

    public SignerTrust(IEnumerable<X509Certificate2> trustedCertificates)
    {
        ArgumentNullException.ThrowIfNull(trustedCertificates);
        trusted = trustedCertificates.DistinctBy(Thumbprint).ToDictionary(Thumbprint, StringComparer.Ordinal);
    }

    /// <summary>The SHA-256 thumbprint of <paramref name="certificate"/>'s DER encoding, as 64 lower-case hex digits.</summary>
    public static string Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }

    /// <summary>Judges <paramref name="signer"/>, as <see cref="PdfSignatureCheck"/> found it (<c>null</c> when the signature names none).</summary>
    public TrustVerdict Judge(X509Certificate2? signer)
    {
        if (trusted.Count == 0)
        {
            return new TrustVerdict(false,
                "not pinned: pass --trust CERT with the deployment's signing certificate (from 'compliance signing-certificate --out FILE' or GET /api/signing-certificate) to check who signed the report");
        }
        if (signer is null)
        {
            return new TrustVerdict(false, "NOT TRUSTED: the signature carries no readable signer certificate");
        }
        var thumbprint = Thumbprint(signer);
        return trusted.ContainsKey(thumbprint)
            ? new TrustVerdict(true, $"trusted: signed by {signer.Subject}, the deployment's certificate (SHA-256 thumbprint {thumbprint})")
            : new TrustVerdict(false, $"NOT TRUSTED: signed by {signer.Subject}, SHA-256 thumbprint {thumbprint}, which is not the deployment's certificate");
    }
}
