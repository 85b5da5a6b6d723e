using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace ComplianceReports.Signing;

/// <summary>
/// The CMS signature PDFsharp places in the file: detached, SHA-256, with the signing time among the
/// signed attributes. PDFsharp's own signer puts the time among the unsigned ones, where anyone could
/// change it without the signature noticing.
/// </summary>
internal sealed class CmsDigitalSigner(X509Certificate2 certificate, TimeProvider clock) : IDigitalSigner
{
    /// <summary>Room for signatures a few bytes longer than the trial one, as ECDSA's vary in length.</summary>
    private const int SizeMargin = 16;

    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");

    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>PDFsharp reserves this many bytes for the signature before it knows the content, so sign nothing once to measure.</summary>
    public Task<int> GetSignatureSizeAsync() => Task.FromResult(Sign([0]).Length + SizeMargin);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // The stream is PDFsharp's view of the file without the placeholder for this signature.
        var content = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(content, 0, content.Length);
        return Task.FromResult(Sign(content));
    }

    private byte[] Sign(byte[] content)
    {
        var signedCms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = Sha256,
            // Building a chain could go out to the network for intermediates; a verifier of integrity needs only the signer's certificate.
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(clock.GetUtcNow().UtcDateTime));
        signedCms.ComputeSignature(signer, silent: true);
        return signedCms.Encode();
    }
}
