using System.Text;
using ComplianceReports.Signing;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReports.Signing.Tests;

/// <summary>Detached signatures of records kept beside a report (reviews), by the report certificate.</summary>
public sealed class SigningARecord
{
    private static readonly byte[] Record = Encoding.UTF8.GetBytes("""{"reviewer":"Alice","month":"2026-10","version":1}""");

    [Fact]
    public void A_signed_record_checks_as_intact_by_the_report_certificate_with_its_signing_time()
    {
        var now = new DateTimeOffset(2026, 11, 3, 9, 30, 15, TimeSpan.Zero);
        var signer = new ReportSigner(TestCertificates.Signing, SignatureInfo.ForMonthlyReport("Example Oy"), new FakeTimeProvider(now));

        var check = DetachedSignature.Check(Record, signer.SignDetached(Record));

        Assert.True(check.IsIntact, check.Message);
        Assert.Equal(SignerTrust.Thumbprint(TestCertificates.Signing), SignerTrust.Thumbprint(check.Signer!));
        Assert.Equal("SHA256", check.DigestAlgorithm);
        Assert.Equal(now, check.SigningTime);
    }

    [Fact]
    public void A_record_changed_by_one_byte_no_longer_checks()
    {
        var signature = TestCertificates.Signer().SignDetached(Record);
        var changed = Encoding.UTF8.GetBytes("""{"reviewer":"Alicf","month":"2026-10","version":1}""");

        var check = DetachedSignature.Check(changed, signature);

        Assert.False(check.IsIntact);
        Assert.StartsWith("changed after signing (signed by CN=", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_that_is_not_cms_is_reported_not_thrown()
    {
        var check = DetachedSignature.Check(Record, Encoding.ASCII.GetBytes("not a signature"));

        Assert.False(check.IsIntact);
        Assert.Null(check.Signer);
        Assert.StartsWith("the signature is not a readable CMS signature", check.Message, StringComparison.Ordinal);
    }
}
