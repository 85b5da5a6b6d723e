namespace ComplianceReports.Notifications;

/// <summary>How the connection to the SMTP server is protected (<c>Smtp__Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587); the default.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,

    /// <summary>No encryption: allowed only to a server on the loopback interface, such as a local relay.</summary>
    None,
}

/// <summary>Where mail goes and as whom; <see cref="Password"/> is a Key Vault reference in Azure.</summary>
public sealed record SmtpSettings(string Host, int Port, SmtpSecurity Security, string? UserName, string? Password, string From);
