namespace ComplianceReports.Signing;

/// <summary>What <see cref="PdfSignatureCheck"/> found: whether the file is signed and unchanged since, not whether the signer is trusted.</summary>
/// <param name="IsSigned">The file holds a signature, readable or not.</param>
/// <param name="IsIntact">The signature is valid and covers every byte of the file but itself.</param>
/// <param name="SignerSubject">The subject of the signer's certificate, when the signature could be read.</param>
/// <param name="SigningTime">The signing time among the signed attributes, if the signer put one there.</param>
/// <param name="DigestAlgorithm">The digest the signature was made over, such as <c>SHA256</c>.</param>
/// <param name="Message">One plain sentence for a person: the outcome and, if not intact, why.</param>
public sealed record SignatureCheckResult(
    bool IsSigned,
    bool IsIntact,
    string? SignerSubject,
    DateTimeOffset? SigningTime,
    string? DigestAlgorithm,
    string Message);
