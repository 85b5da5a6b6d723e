using System.Text;
using ComplianceReports.Signing;
using PdfSharp.Pdf.IO;

namespace ComplianceReports.Signing.Tests;

public sealed class CheckingASignature
{
    [Fact]
    public void An_unsigned_pdf_is_not_signed()
    {
        var check = PdfSignatureCheck.Check(UnsignedPdfs.Report());

        Assert.False(check.IsSigned);
        Assert.False(check.IsIntact);
        Assert.Null(check.SignerSubject);
        Assert.Equal("not signed", check.Message);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Flipping_one_signed_byte_is_seen_as_a_change(double where)
    {
        var pdf = SignedPdfs.Report();
        var (gapStart, gapEnd) = SignedPdfs.SignatureGap(pdf);
        // Spread over both signed parts: before the signature, and after it to the last byte.
        var signedLength = pdf.Length - (gapEnd - gapStart);
        var position = (int)(where * signedLength);
        var offset = position < gapStart ? position : position + (gapEnd - gapStart);

        var check = PdfSignatureCheck.Check(SignedPdfs.WithByteFlipped(pdf, offset));

        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
        Assert.Equal($"CN={TestCertificates.Subject}", check.SignerSubject);
        Assert.StartsWith("the document was changed after signing", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_signature_itself_is_seen_as_a_change()
    {
        var pdf = SignedPdfs.Report();
        var (gapStart, _) = SignedPdfs.SignatureGap(pdf);
        // Well inside the CMS value: a digit of the signer's certificate.
        var digit = gapStart + 1 + 600;
        pdf[digit] = pdf[digit] == (byte)'0' ? (byte)'1' : (byte)'0';

        var check = PdfSignatureCheck.Check(pdf);

        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
    }

    [Fact]
    public void Bytes_added_after_the_signed_part_are_seen_as_a_change()
    {
        var appended = SignedPdfs.Report().Concat(Encoding.ASCII.GetBytes("\n% an incremental update\n")).ToArray();

        var check = PdfSignatureCheck.Check(appended);

        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
        Assert.Equal("the document was changed after signing: 25 bytes were added after the signed part " +
            $"(signed by CN={TestCertificates.Subject})", check.Message);
    }

    [Fact]
    public void A_file_cut_short_is_seen_as_a_change()
    {
        var pdf = SignedPdfs.Report();

        var check = PdfSignatureCheck.Check(pdf[..^100]);

        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
        Assert.StartsWith("the document was changed after signing", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_report_saved_again_by_a_pdf_editor_is_seen_as_a_change()
    {
        using var document = PdfReader.Open(new MemoryStream(SignedPdfs.Report()), PdfDocumentOpenMode.Modify);
        document.Info.Title = "Edited";
        using var edited = new MemoryStream();
        document.Save(edited, closeStream: false);

        var check = PdfSignatureCheck.Check(edited.ToArray());

        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
    }

    [Fact]
    public void A_byte_range_that_leaves_out_more_than_the_signature_is_refused()
    {
        var pdf = SignedPdfs.Report();
        var (gapStart, _) = SignedPdfs.SignatureGap(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        // The same number of characters, so every other offset stays where it was.
        var widened = text.Replace($"[0 {gapStart} ", $"[0 {gapStart - 10} ", StringComparison.Ordinal);
        Assert.NotEqual(text, widened);

        var check = PdfSignatureCheck.Check(Encoding.Latin1.GetBytes(widened));

        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
        Assert.Contains("not covered", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not signed: the file is not a PDF")]
    [InlineData("PK\u0003\u0004 a zip file", "not signed: the file is not a PDF")]
    [InlineData("%PDF-1.7\n%%EOF", "not signed")]
    [InlineData("%PDF-1.7\n<</ByteRange [0 a b c]>>", "the signature's /ByteRange cannot be read")]
    [InlineData("%PDF-1.7\n<</ByteRange [0 99999999999999999999 1 1]>>", "is not a valid range")]
    [InlineData("%PDF-1.7\n<</ByteRange [0 10 9223372036854775807 9223372036854775807]>>", "is not a valid range")]
    [InlineData("%PDF-1.7\n<</ByteRange [0 20 10 2]>>", "is not a valid range")]
    [InlineData("%PDF-1.7\n<</ByteRange [5 10 20 3]>>", "is not a valid range")]
    [InlineData("%PDF-1.7\n<</ByteRange [0 10 20 1000]>>", "before the end of the signed range")]
    [InlineData("%PDF-1.7\n<</ByteRange [0 20 40 2] /Contents <3082>>>", "not covered")]
    public void AMalformedFileIsReportedNotThrown(string content, string expected)
    {
        var check = PdfSignatureCheck.Check(Encoding.Latin1.GetBytes(content));

        Assert.False(check.IsIntact);
        Assert.Contains(expected, check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Contents", "<zz>", "not a hex string")]
    [InlineData("/Contents", "<>", "is empty")]
    [InlineData("/Contents", "<00000000>", "is empty")]
    [InlineData("/Contents", "<1f>", "holds no CMS signature")]
    [InlineData("/Contents", "<3003020101>", "not a readable CMS signature")]
    [InlineData("/Contents", "<3003 02 01 01 0000>", "not a readable CMS signature")]
    [InlineData("/NotContents", "<3003020101>", "not covered")]
    public void A_malformed_signature_value_is_reported_not_thrown(string key, string value, string expected)
    {
        var check = PdfSignatureCheck.Check(SignedPdfs.Fake(key, value));

        Assert.True(check.IsSigned);
        Assert.False(check.IsIntact);
        Assert.Contains(expected, check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_reported_not_thrown()
    {
        var random = new Random(20261101);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            // Half of them look like a PDF at first sight.
            if (attempt % 2 == 0 && bytes.Length > 64)
            {
                Encoding.ASCII.GetBytes("%PDF-1.7 /ByteRange [0 4 9 3]").CopyTo(bytes, 0);
            }

            var check = PdfSignatureCheck.Check(bytes);

            Assert.False(check.IsIntact);
        }
    }
}
