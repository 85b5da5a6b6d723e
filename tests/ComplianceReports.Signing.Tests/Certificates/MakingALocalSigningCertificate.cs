using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Signing;

namespace ComplianceReports.Signing.Tests;

public sealed class MakingALocalSigningCertificate : IDisposable
{
    private const string Subject = "ComplianceReports local signing";

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_certificate_is_made_once_and_loaded_again_afterwards()
    {
        var path = directory.File("keys/local.pfx");

        using var made = SigningCertificates.LoadOrCreateSelfSigned(path, Subject);
        var file = File.ReadAllBytes(path);
        using var loaded = SigningCertificates.LoadOrCreateSelfSigned(path, "another subject, ignored once the file exists");

        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(file, File.ReadAllBytes(path));
    }

    [Fact]
    public void The_certificate_is_an_rsa_3072_signing_certificate_for_about_five_years()
    {
        using var certificate = SigningCertificates.LoadOrCreateSelfSigned(directory.File("local.pfx"), Subject);

        Assert.Equal($"CN={Subject}", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        using var key = certificate.GetRSAPrivateKey();
        Assert.Equal(3072, key!.KeySize);
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.True(usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature));
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var validity = certificate.NotAfter - certificate.NotBefore;
        Assert.InRange(validity.TotalDays, 4.9 * 365, 5.1 * 365);
        Assert.InRange(certificate.NotBefore, DateTime.Now.AddHours(-1), DateTime.Now);
    }

    [Fact]
    public void A_subject_is_taken_as_one_common_name_whatever_its_characters()
    {
        using var certificate = SigningCertificates.LoadOrCreateSelfSigned(directory.File("local.pfx"), "Example Oy, Compliance=Team");

        Assert.Equal("Example Oy, Compliance=Team", certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
    }

    [Fact]
    public void Only_its_owner_may_read_or_write_the_file()
    {
        var path = directory.File("keys/local.pfx");

        using var _ = SigningCertificates.LoadOrCreateSelfSigned(path, Subject);

        // Windows guards files with ACLs, inherited from the user's profile, not with modes.
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Racers_to_make_the_certificate_all_end_up_with_the_same_one()
    {
        var path = directory.File("race/local.pfx");
        var racers = 4;
        var start = new Barrier(racers);
        var thumbprints = new string?[racers];
        var failures = new Exception?[racers];
        var threads = Enumerable.Range(0, racers).Select(index => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                using var certificate = SigningCertificates.LoadOrCreateSelfSigned(path, Subject);
                thumbprints[index] = certificate.Thumbprint;
            }
            catch (Exception error)
            {
                failures[index] = error;
            }
        })).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.All(failures, Assert.Null);
        using var kept = SigningCertificates.LoadOrCreateSelfSigned(path, Subject);
        Assert.All(thumbprints, thumbprint => Assert.Equal(kept.Thumbprint, thumbprint));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_damaged_file_is_named_rather_than_replaced()
    {
        var path = directory.File("local.pfx");
        File.WriteAllText(path, "damaged");

        var error = Assert.Throws<SigningCertificateException>(() => SigningCertificates.LoadOrCreateSelfSigned(path, Subject));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("delete it to have a new one made", error.Message, StringComparison.Ordinal);
        Assert.Equal("damaged", File.ReadAllText(path));
    }
}
