using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace ComplianceReports.Signing;

/// <summary>
/// Signs report PDFs with an invisible PDF signature (adbe.pkcs7.detached, SHA-256) over the whole
/// file, which any PDF reader shows in its signature panel and <see cref="PdfSignatureCheck"/> verifies.
/// </summary>
/// <remarks>
/// Invisible, so the signature never competes with the report's layout for room on a page. One
/// signer serves any number of documents and threads.
/// </remarks>
public sealed class ReportSigner
{
    private readonly X509Certificate2 certificate;
    private readonly SignatureInfo info;
    private readonly TimeProvider clock;

    /// <param name="certificate">A certificate with its private key, as <see cref="SigningCertificates"/> loads it.</param>
    /// <param name="info">What the signature says about itself: reason and location.</param>
    /// <param name="clock">The source of the signing time the signature carries.</param>
    public ReportSigner(X509Certificate2 certificate, SignatureInfo info, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(info);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException($"The certificate {certificate.Subject} has no private key, so it cannot sign.", nameof(certificate));
        }
        this.certificate = certificate;
        this.info = info;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Returns <paramref name="unsignedPdf"/> signed; the pages and their content stay as they were.</summary>
    /// <exception cref="ArgumentException">The bytes are not a PDF, or the PDF is already signed.</exception>
    public byte[] Sign(byte[] unsignedPdf)
    {
        ArgumentNullException.ThrowIfNull(unsignedPdf);
        // PDFsharp writes the whole file anew rather than appending an update, which would break a signature already there.
        if (PdfSignatureCheck.Check(unsignedPdf).IsSigned)
        {
            throw new ArgumentException("The PDF is already signed; signing it again would invalidate that signature.", nameof(unsignedPdf));
        }
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(unsignedPdf, writable: false), PdfDocumentOpenMode.Modify);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // PDFsharp's parser fails on damaged input with many kinds of exception; to the caller they all mean the same.
            throw new ArgumentException($"The bytes to sign are not a readable PDF: {error.Message}", nameof(unsignedPdf), error);
        }
        using (document)
        {
            Attach(document);
            using var signed = new MemoryStream(unsignedPdf.Length + 32 * 1024);
            document.Save(signed, closeStream: false);
            return signed.ToArray();
        }
    }

    /// <summary>
    /// Makes <paramref name="document"/> sign itself when it is next saved, for a caller that holds the
    /// document anyway; the stream it is saved to must be seekable, as PDFsharp writes the signature last.
    /// </summary>
    public void Attach(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var options = new DigitalSignatureOptions
        {
            Reason = info.Reason,
            Location = info.Location,
            AppName = "ComplianceReports",
            Rectangle = new XRect(0, 0, 0, 0),
            PageIndex = 0,
            AppearanceHandler = NoAppearance.Instance,
        };
        DigitalSignatureHandler.ForDocument(document, new CmsDigitalSigner(certificate, clock), options);
    }

    /// <summary>A detached CMS signature of <paramref name="content"/> by the report certificate, for a record kept beside a report (a review).</summary>
    public byte[] SignDetached(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return DetachedSignature.Sign(certificate, content, clock.GetUtcNow());
    }

    /// <summary>An invisible signature has a zero-sized widget and nothing to draw in it.</summary>
    private sealed class NoAppearance : IAnnotationAppearanceHandler
    {
        public static readonly NoAppearance Instance = new();

        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
        }
    }
}
