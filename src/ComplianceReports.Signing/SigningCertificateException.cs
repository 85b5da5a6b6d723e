namespace ComplianceReports.Signing;

/// <summary>The signing certificate cannot be used; the message says why in terms of the configuration.</summary>
public sealed class SigningCertificateException : Exception
{
    public SigningCertificateException(string message)
        : base(message)
    {
    }

    public SigningCertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
