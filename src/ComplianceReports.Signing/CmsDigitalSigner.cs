using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace ComplianceReports.Signing;

/// <summary>
/// The CMS signature PDFsharp places in the file: a <see cref="DetachedSignature"/>, as PDFsharp's own
/// signer puts the signing time among the unsigned attributes, where anyone could change it unseen.
/// </summary>
internal sealed class CmsDigitalSigner(X509Certificate2 certificate, TimeProvider clock) : IDigitalSigner
{
    /// <summary>Room for signatures a few bytes longer than the trial one, as ECDSA's vary in length.</summary>
    private const int SizeMargin = 16;

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

    private byte[] Sign(byte[] content) => DetachedSignature.Sign(certificate, content, clock.GetUtcNow());
}
