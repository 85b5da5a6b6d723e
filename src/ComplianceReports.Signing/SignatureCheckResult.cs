using System.Security.Cryptography.X509Certificates;

namespace ComplianceReports.Signing;

/// <summary>What <see cref="PdfSignatureCheck"/> found: whether the file is signed and unchanged since, not whether the signer is trusted (<see cref="SignerTrust"/> says that).</summary>
/// <param name="IsSigned">The file holds a signature, readable or not.</param>
/// <param name="IsIntact">The signature is valid and covers every byte of the file but itself.</param>
/// <param name="Signer">The certificate the signature carries for its signer, when the signature could be read.</param>
/// <param name="SigningTime">The signing time among the signed attributes, if the signer put one there.</param>
/// <param name="DigestAlgorithm">The digest the signature was made over, such as <c>SHA256</c>.</param>
/// <param name="Message">One plain sentence for a person: the outcome and, if not intact, why.</param>
public sealed record SignatureCheckResult(
    bool IsSigned,
    bool IsIntact,
    X509Certificate2? Signer,
    DateTimeOffset? SigningTime,
    string? DigestAlgorithm,
    string Message)
{
    /// <summary>The subject of the signer's certificate, such as <c>CN=ComplianceReports local signing</c>.</summary>
    public string? SignerSubject => Signer?.Subject;
}
