using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ComplianceReports.Signing;

/// <summary>
/// Detached CMS signatures (SHA-256, the signing time among the signed attributes, the signer's
/// certificate only): the kind inside a report PDF, and the <c>.p7s</c> beside a review record, which
/// <c>openssl cms -verify -binary -inform DER -content FILE -in FILE.p7s -noverify</c> also checks.
/// </summary>
public static class DetachedSignature
{
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";

    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");

    public static byte[] Sign(X509Certificate2 certificate, byte[] content, DateTimeOffset signingTime)
    {
        var signedCms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = Sha256,
            // Building a chain could go out to the network for intermediates; a verifier of integrity needs only the signer's certificate.
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        // In the signed attributes, as PDFsharp's own signer does not: an unsigned time anyone could change unseen.
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signedCms.ComputeSignature(signer, silent: true);
        return signedCms.Encode();
    }

    /// <summary>Whether <paramref name="cms"/> signs exactly <paramref name="content"/>; whether its signer is trusted is <see cref="SignerTrust"/>'s question.</summary>
    public static SignatureCheckResult Check(byte[] content, byte[] cms)
    {
        var signedCms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            signedCms.Decode(cms);
        }
        catch (CryptographicException error)
        {
            return Broken($"the signature is not a readable CMS signature ({error.Message})");
        }
        if (signedCms.SignerInfos.Count == 0)
        {
            return Broken("the signature names no signer");
        }
        var signerInfo = signedCms.SignerInfos[0];
        if (signerInfo.Certificate is not { } signer)
        {
            return Broken("the signature does not carry its signer's certificate, so it cannot be checked");
        }
        var signingTime = SigningTime(signerInfo);
        var digest = DigestName(signerInfo.DigestAlgorithm);
        try
        {
            // Integrity only: whether the certificate is trusted is a separate question.
            signedCms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new SignatureCheckResult(true, false, signer, signingTime, digest, $"changed after signing (signed by {signer.Subject})");
        }
        return new SignatureCheckResult(true, true, signer, signingTime, digest, $"signature intact, signed by {signer.Subject}");
    }

    private static SignatureCheckResult Broken(string message) => new(true, false, null, null, null, message);

    private static DateTimeOffset? SigningTime(SignerInfo signerInfo)
    {
        foreach (var attribute in signerInfo.SignedAttributes)
        {
            if (attribute.Oid.Value != SigningTimeOid || attribute.Values.Count == 0)
            {
                continue;
            }
            try
            {
                var value = attribute.Values[0];
                var signingTime = value as Pkcs9SigningTime ?? new Pkcs9SigningTime(value.RawData);
                return new DateTimeOffset(DateTime.SpecifyKind(signingTime.SigningTime, DateTimeKind.Utc));
            }
            catch (CryptographicException)
            {
                return null;
            }
        }
        return null;
    }

    private static string DigestName(Oid algorithm) => algorithm.Value switch
    {
        "2.16.840.1.101.3.4.2.1" => "SHA256",
        "2.16.840.1.101.3.4.2.2" => "SHA384",
        "2.16.840.1.101.3.4.2.3" => "SHA512",
        "1.3.14.3.2.26" => "SHA1",
        _ => algorithm.FriendlyName ?? algorithm.Value ?? "unknown",
    };
}
