using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ComplianceReports.Notifications;

/// <summary>
/// Sends mail over SMTP with MailKit: a connection per mail, which suits a few mails a month and an
/// alert now and then, and leaves nothing to go stale between them. A failure is thrown as it is, for
/// the caller to retry.
/// </summary>
public sealed class SmtpMailer(SmtpSettings settings)
{
    /// <summary>Long enough for a slow relay, short enough that a dead one does not hold a queue message.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var message = Compose(mail);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, Options(settings.Security), cancellationToken);
        if (settings.UserName is { } userName)
        {
            await client.AuthenticateAsync(userName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.AddRange(mail.To.Select(MailboxAddress.Parse));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody };
        if (mail.Attachment is { } attachment)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
