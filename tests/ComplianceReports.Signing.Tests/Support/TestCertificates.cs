using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;

namespace ComplianceReports.Signing.Tests;

/// <summary>One self-signed signing certificate for the whole test run: RSA 3072 keys take a moment to make.</summary>
internal static class TestCertificates
{
    public const string Subject = "ComplianceReports signing tests";

    private static readonly Lazy<X509Certificate2> SelfSigned = new(() =>
    {
        using var directory = new TemporaryDirectory();
        return SigningCertificates.LoadOrCreateSelfSigned(Path.Combine(directory.Path, "signing.pfx"), Subject);
    });

    public static X509Certificate2 Signing => SelfSigned.Value;

    public static ReportSigner Signer() => new(Signing, SignatureInfo.ForMonthlyReport("Example Oy"));
}
