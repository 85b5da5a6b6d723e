using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ComplianceReports.Signing;

/// <summary>
/// Finds the certificate reports are signed with: the configured PFX in production, or locally a
/// self-signed one made on first use and kept in a file of its own, never in blob storage. Exports its
/// public part, and loads a public certificate that a verifier is told to trust.
/// </summary>
public static class SigningCertificates
{
    /// <summary>RSA 3072 is NIST's choice for keys meant to last beyond 2030, as report signatures are.</summary>
    private const int SelfSignedKeySize = 3072;

    private static readonly TimeSpan SelfSignedValidity = TimeSpan.FromDays(5 * 365);

    // HRESULT_FROM_WIN32(ERROR_INVALID_PASSWORD), which .NET reports for a wrong PFX password on every platform.
    private const int InvalidPasswordResult = unchecked((int)0x80070056);

    private const X509KeyUsageFlags SigningUsages = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>
    /// Loads the configured certificate: <paramref name="base64Pfx"/> when it is given (a secret
    /// store hands over base64 more easily than a file), else the PFX file at <paramref name="pfxPath"/>.
    /// </summary>
    /// <exception cref="SigningCertificateException">Neither is given, the data or file cannot be read, the password is wrong, or the certificate has no private key.</exception>
    public static X509Certificate2 Load(string? base64Pfx, string? pfxPath, string? password)
    {
        if (!string.IsNullOrWhiteSpace(base64Pfx))
        {
            byte[] pfx;
            try
            {
                pfx = Convert.FromBase64String(base64Pfx.Trim());
            }
            catch (FormatException)
            {
                throw new SigningCertificateException("The signing certificate given as base64 is not valid base64.");
            }
            return LoadPfx(pfx, password, "the signing certificate given as base64");
        }
        if (!string.IsNullOrWhiteSpace(pfxPath))
        {
            var fullPath = Path.GetFullPath(pfxPath);
            return LoadPfx(ReadFile(fullPath, "signing certificate"), password, $"the signing certificate file {fullPath}");
        }
        throw new SigningCertificateException("No signing certificate is configured: give a PFX as base64 or the path of a PFX file.");
    }

    /// <summary>
    /// Loads the self-signed certificate at <paramref name="path"/>, making it first if there is none.
    /// Processes that race to make it all end up with the one that reached the file first.
    /// </summary>
    /// <remarks>
    /// The PFX has no password: a password written in this code would protect nothing, so the file's
    /// owner-only permissions (0600 on Unix) are what keeps the key, and saying so beats a false lock.
    /// A self-signed certificate proves integrity, not identity; production configures a real one.
    /// </remarks>
    public static X509Certificate2 LoadOrCreateSelfSigned(string path, string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return LoadSelfSigned(fullPath);
        }
        var directory = Path.GetDirectoryName(fullPath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var pfx = CreateSelfSignedPfx(subject);
        // Written whole under a name of its own, then moved into place without overwriting, so no
        // reader ever sees half a file and a second process never replaces the first one's key.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteOwnerOnly(temporary, pfx);
            File.Move(temporary, fullPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another process got there first; its certificate is the one to keep using.
            return LoadSelfSigned(fullPath);
        }
        finally
        {
            File.Delete(temporary);
        }
        return LoadPfx(pfx, password: null, $"the self-signed certificate just made at {fullPath}");
    }

    /// <summary>
    /// Writes the public part of <paramref name="certificate"/> (never its key) to <paramref name="path"/>,
    /// in the encoding its extension names: PEM for <c>.pem</c> and <c>.crt</c>, DER for <c>.cer</c> and <c>.der</c>.
    /// </summary>
    /// <returns>The encoding written: <c>PEM</c> or <c>DER</c>.</returns>
    /// <exception cref="SigningCertificateException">The extension names neither, or the file cannot be written.</exception>
    public static string ExportPublic(X509Certificate2 certificate, string path)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var (encoding, content) = Path.GetExtension(fullPath).ToLowerInvariant() switch
        {
            ".pem" or ".crt" => ("PEM", System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n")),
            ".cer" or ".der" => ("DER", certificate.RawData),
            _ => throw new SigningCertificateException(
                $"Cannot tell which encoding {fullPath} wants: name the file .pem or .crt for PEM, .cer or .der for DER."),
        };
        try
        {
            File.WriteAllBytes(fullPath, content);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SigningCertificateException($"Cannot write {fullPath}: {error.Message}", error);
        }
        return encoding;
    }

    /// <summary>Loads a certificate to trust from <paramref name="path"/>, PEM or DER, whatever its extension; only its public part is read.</summary>
    /// <exception cref="SigningCertificateException">The file is missing, unreadable, or holds no certificate.</exception>
    public static X509Certificate2 LoadTrusted(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var content = ReadFile(fullPath, "certificate");
        try
        {
            return X509CertificateLoader.LoadCertificate(PemCertificate(content) ?? content);
        }
        catch (CryptographicException error)
        {
            throw new SigningCertificateException($"The file {fullPath} holds no certificate in PEM or DER ({error.Message}).", error);
        }
    }

    private static byte[] ReadFile(string fullPath, string what)
    {
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SigningCertificateException($"The {what} file {fullPath} does not exist.", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SigningCertificateException($"The {what} file {fullPath} cannot be read: {error.Message}", error);
        }
    }

    /// <summary>The DER of the first CERTIFICATE block of a PEM file, or <c>null</c> when the content is not PEM.</summary>
    private static byte[]? PemCertificate(byte[] content)
    {
        var text = System.Text.Encoding.ASCII.GetString(content).AsSpan();
        while (PemEncoding.TryFind(text, out var fields))
        {
            if (text[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                return Convert.FromBase64String(text[fields.Base64Data].ToString());
            }
            text = text[fields.Location.End..];
        }
        return null;
    }

    private static X509Certificate2 LoadSelfSigned(string fullPath) =>
        LoadPfx(File.ReadAllBytes(fullPath), password: null, $"the self-signed signing certificate {fullPath} (delete it to have a new one made)");

    private static byte[] CreateSelfSignedPfx(string subject)
    {
        using var key = RSA.Create(SelfSignedKeySize);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(subject);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(SigningUsages, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        // A few minutes back, so a verifier whose clock is slightly behind does not see a certificate from the future.
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var certificate = request.CreateSelfSigned(notBefore, notBefore + SelfSignedValidity);
        return certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password: null);
    }

    private static void WriteOwnerOnly(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using var file = new FileStream(path, options);
        file.Write(content);
        file.Flush(flushToDisk: true);
    }

    private static X509Certificate2 LoadPfx(byte[] pfx, string? password, string source)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pfx, password, KeyStorage);
        }
        catch (CryptographicException error) when (error.HResult == InvalidPasswordResult)
        {
            throw new SigningCertificateException(
                string.IsNullOrEmpty(password)
                    ? $"Cannot open {source}: it needs a password and none was given."
                    : $"Cannot open {source}: the password is wrong.",
                error);
        }
        catch (CryptographicException error)
        {
            throw new SigningCertificateException($"Cannot open {source}: it is not a readable PFX (PKCS#12) file ({error.Message}).", error);
        }
        var problem = !certificate.HasPrivateKey
            ? "has no private key, so it cannot sign; export it with its key"
            : certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage && (usage.KeyUsages & SigningUsages) == 0
                ? $"may not be used for signatures (its key usage is {usage.KeyUsages})"
                : null;
        if (problem is not null)
        {
            var subject = certificate.Subject;
            certificate.Dispose();
            throw new SigningCertificateException($"The certificate {subject} in {source} {problem}.");
        }
        return certificate;
    }

    /// <summary>
    /// Keys stay in memory rather than in the user's key store (which a Windows worker may not
    /// have); macOS cannot hold ephemeral keys, so there the default applies.
    /// </summary>
    private static X509KeyStorageFlags KeyStorage =>
        OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
}
