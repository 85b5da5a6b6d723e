namespace ComplianceReports.Notifications;

/// <summary>A file attached to a mail, read from its stream as the mail is sent.</summary>
public sealed record MailAttachment(string FileName, string ContentType, Stream Content);

/// <summary>One plain-text mail to every recipient at once, each named in its <c>To:</c> header.</summary>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string TextBody, MailAttachment? Attachment = null);
