using System.Text;
using ComplianceReports.Signing;
using PdfSharp.Pdf.IO;

namespace ComplianceReports.Signing.Tests;

public sealed class EmbeddingTheClaim
{
    private static readonly byte[] Claim = Encoding.UTF8.GetBytes(
        """{"schemaVersion":1,"month":"2026-10","timeZone":"Europe/Helsinki","version":3,"eventCount":24,"eventDigest":"5f0c2a9e7d41b3c8a6e2f1d09b8c7a6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a"}""");

    [Fact]
    public void A_claim_embedded_and_signed_in_one_save_extracts_byte_for_byte_from_an_intact_pdf()
    {
        var pdf = SignedWithClaim(Claim);

        var check = PdfSignatureCheck.Check(pdf);

        Assert.True(check.IsIntact, check.Message);
        Assert.Equal(Claim, SignedClaim.Extract(pdf));
    }

    [Fact]
    public void Changing_one_byte_of_the_embedded_claim_breaks_the_signature()
    {
        var pdf = SignedWithClaim(Claim);
        var at = IndexOf(pdf, Encoding.UTF8.GetBytes("\"eventCount\":24"));
        Assert.True(at > 0, "the claim lies in the file as it is, uncompressed");
        var digit = at + "\"eventCount\":".Length;
        pdf[digit] = (byte)'9';

        var check = PdfSignatureCheck.Check(pdf);

        Assert.Contains("\"eventCount\":94", Encoding.UTF8.GetString(SignedClaim.Extract(pdf)!), StringComparison.Ordinal);
        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
        Assert.StartsWith("the document was changed after signing", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_claim_lies_inside_the_signed_byte_range()
    {
        var pdf = SignedWithClaim(Claim);
        var (gapStart, gapEnd) = SignedPdfs.SignatureGap(pdf);

        var at = IndexOf(pdf, Claim);

        Assert.True(at >= 0);
        Assert.True(at + Claim.Length <= gapStart || at >= gapEnd);
    }

    [Fact]
    public void Another_pdf_reader_lists_the_claim_as_an_attachment_with_its_content()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(SignedWithClaim(Claim));

        Assert.True(document.Advanced.TryGetEmbeddedFiles(out var files));
        var file = Assert.Single(files);
        Assert.Equal(SignedClaim.FileName, file.Name);
        Assert.Equal(Claim, file.Bytes);
    }

    [Fact]
    public void The_claim_is_associated_with_the_document_as_its_data()
    {
        using var document = PdfReader.Open(new MemoryStream(SignedWithClaim(Claim)), PdfDocumentOpenMode.Import);

        var associated = document.Internals.Catalog.Elements.GetArray("/AF")!;
        var specification = (PdfSharp.Pdf.PdfDictionary)((PdfSharp.Pdf.Advanced.PdfReference)Assert.Single(associated.Elements)).Value;

        Assert.Equal("/Data", specification.Elements.GetName("/AFRelationship"));
        Assert.Equal(SignedClaim.FileName, specification.Elements.GetString("/UF"));
    }

    [Fact]
    public void A_pdf_without_a_claim_has_none()
    {
        Assert.Null(SignedClaim.Extract(SignedPdfs.Report()));
    }

    [Fact]
    public void A_document_takes_one_claim_only()
    {
        using var document = PdfReader.Open(new MemoryStream(UnsignedPdfs.Report()), PdfDocumentOpenMode.Modify);
        SignedClaim.Embed(document, Claim);

        var refusal = Assert.Throws<ArgumentException>(() => SignedClaim.Embed(document, Claim));

        Assert.Contains("holds a claim.json already", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, not a PDF")]
    public void Bytes_that_are_not_a_pdf_are_refused(string content)
    {
        var refusal = Assert.Throws<ArgumentException>(() => SignedClaim.Extract(Encoding.ASCII.GetBytes(content)));

        Assert.Contains("not a readable PDF", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>As the pipeline makes a report: the claim embedded and the signature attached before the one save that writes the file.</summary>
    internal static byte[] SignedWithClaim(byte[] claim)
    {
        using var document = PdfReader.Open(new MemoryStream(UnsignedPdfs.Report()), PdfDocumentOpenMode.Modify);
        SignedClaim.Embed(document, claim);
        TestCertificates.Signer().Attach(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
