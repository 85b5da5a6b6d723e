using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;
using Microsoft.Extensions.Time.Testing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace ComplianceReports.Signing.Tests;

public sealed class SigningAReport
{
    [Fact]
    public void A_signed_report_is_intact_and_names_its_signer()
    {
        var signed = TestCertificates.Signer().Sign(UnsignedPdfs.Report());

        var check = PdfSignatureCheck.Check(signed);

        Assert.True(check.IsSigned);
        Assert.True(check.IsIntact, check.Message);
        Assert.Equal($"CN={TestCertificates.Subject}", check.SignerSubject);
        Assert.StartsWith($"signature intact, signed by CN={TestCertificates.Subject}", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_is_made_over_sha_256_and_carries_the_signing_time()
    {
        var now = new DateTimeOffset(2026, 11, 1, 2, 0, 7, TimeSpan.Zero);
        var signer = new ReportSigner(TestCertificates.Signing, SignatureInfo.ForMonthlyReport("Example Oy"), new FakeTimeProvider(now));

        var check = PdfSignatureCheck.Check(signer.Sign(UnsignedPdfs.Report()));

        Assert.Equal("SHA256", check.DigestAlgorithm);
        Assert.Equal(now, check.SigningTime);
        Assert.EndsWith(" at 2026-11-01 02:00:07 UTC", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_gives_the_review_as_reason_and_the_organisation_as_location()
    {
        var signer = new ReportSigner(TestCertificates.Signing, SignatureInfo.ForMonthlyReport("Säkerhet – Example Oy"));

        var signature = SignatureDictionary(signer.Sign(UnsignedPdfs.Report()));

        Assert.Equal("Monthly compliance report: evidence of the audit log review", signature.Elements.GetString("/Reason"));
        Assert.Equal("Säkerhet – Example Oy", signature.Elements.GetString("/Location"));
        Assert.Equal("/adbe.pkcs7.detached", signature.Elements.GetName("/SubFilter"));
    }

    [Fact]
    public void The_signature_takes_no_room_on_the_page()
    {
        var signed = TestCertificates.Signer().Sign(UnsignedPdfs.Report());

        using var document = PdfReader.Open(new MemoryStream(signed), PdfDocumentOpenMode.Import);
        var area = document.AcroForm!.Fields[0].Elements.GetRectangle("/Rect");

        Assert.Equal((0, 0), (area.Width, area.Height));
    }

    [Fact]
    public void Signing_keeps_every_page_and_its_text()
    {
        var unsigned = UnsignedPdfs.Report();

        var signed = TestCertificates.Signer().Sign(unsigned);

        Assert.Equal(PageTexts(unsigned), PageTexts(signed));
        Assert.Equal(Enumerable.Range(1, UnsignedPdfs.PageCount).Select(UnsignedPdfs.LineOf), PageTexts(signed));
    }

    [Fact]
    public void A_document_that_signs_itself_while_being_saved_is_intact()
    {
        using var document = PdfReader.Open(new MemoryStream(UnsignedPdfs.Report()), PdfDocumentOpenMode.Modify);
        TestCertificates.Signer().Attach(document);
        using var output = new MemoryStream();

        document.Save(output, closeStream: false);

        Assert.True(PdfSignatureCheck.Check(output.ToArray()).IsIntact);
    }

    [Fact]
    public void One_signer_signs_many_reports_on_many_threads_at_once()
    {
        var signer = TestCertificates.Signer();
        var unsigned = UnsignedPdfs.Report();
        var signed = new byte[8][];

        Parallel.For(0, signed.Length, index => signed[index] = signer.Sign(unsigned));

        Assert.All(signed, pdf => Assert.True(PdfSignatureCheck.Check(pdf).IsIntact));
    }

    [Fact]
    public void An_already_signed_pdf_is_not_signed_again()
    {
        var signer = TestCertificates.Signer();
        var signed = signer.Sign(UnsignedPdfs.Report());

        var refusal = Assert.Throws<ArgumentException>(() => signer.Sign(signed));

        Assert.Contains("already signed", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, not a PDF")]
    [InlineData("%PDF-1.7\nnothing else")]
    public void Bytes_that_are_not_a_pdf_are_refused(string content)
    {
        var refusal = Assert.Throws<ArgumentException>(() => TestCertificates.Signer().Sign(System.Text.Encoding.ASCII.GetBytes(content)));

        Assert.Contains("not a readable PDF", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(TestCertificates.Signing.RawData);

        var refusal = Assert.Throws<ArgumentException>(() => new ReportSigner(publicOnly, SignatureInfo.ForMonthlyReport("Example Oy")));

        Assert.Contains("no private key", refusal.Message, StringComparison.Ordinal);
    }

    private static PdfDictionary SignatureDictionary(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return document.AcroForm!.Fields[0].Elements.GetDictionary("/V")!;
    }

    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(word => word.Text))).ToList();
    }
}
