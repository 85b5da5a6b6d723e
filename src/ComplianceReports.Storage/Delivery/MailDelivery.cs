namespace ComplianceReports.Storage.Delivery;

public enum MailDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    Sent,

    /// <summary>Every attempt failed; the request is in <c>report-mail-poison</c>.</summary>
    Failed,
}

/// <summary>A version's mail to one recipient: sent once, whatever the retries.</summary>
/// <param name="Attempts">Attempts that failed so far.</param>
/// <param name="LastError">Why the last attempt failed: the SMTP server's reply or the connection error, never the mail.</param>
public sealed record MailDelivery(string Month, int Version, string Recipient, MailDeliveryStatus Status, int Attempts, string? LastError, DateTimeOffset UpdatedAt);
