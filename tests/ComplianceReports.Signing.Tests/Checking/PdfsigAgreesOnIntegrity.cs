namespace ComplianceReports.Signing.Tests;

/// <summary>
/// Poppler checks what our check checks: that the signature matches the bytes and covers the whole
/// file. It also says the self-signed certificate is not trusted, which is beside the point here.
/// </summary>
public sealed class PdfsigAgreesOnIntegrity
{
    [Fact]
    public void Pdfsig_finds_a_signed_report_valid_and_wholly_signed()
    {
        var output = Pdfsig.Check(SignedPdfs.Report());

        Assert.Contains("Signature Validation: Signature is Valid.", output, StringComparison.Ordinal);
        Assert.Contains("Total document signed", output, StringComparison.Ordinal);
        Assert.Contains($"Signer full Distinguished Name: CN={TestCertificates.Subject}", output, StringComparison.Ordinal);
        Assert.Contains("Signing Hash Algorithm: SHA-256", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdfsig_finds_a_changed_report_invalid()
    {
        var pdf = SignedPdfs.Report();

        var output = Pdfsig.Check(SignedPdfs.WithByteFlipped(pdf, pdf.Length / 4));

        Assert.Contains("Signature Validation: Digest Mismatch.", output, StringComparison.Ordinal);
    }
}
