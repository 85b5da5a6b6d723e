using System.Globalization;
using System.Net;
using System.Net.Mail;
using ComplianceReports.Domain.Alerts;
using ComplianceReports.Notifications;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary><c>Smtp__Host</c>, <c>Smtp__Port</c>, … as app configuration names them (the section <c>Smtp</c>).</summary>
public sealed class SmtpConfiguration
{
    public string? Host { get; set; }
    public string? Port { get; set; }
    public string? Security { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
}

/// <summary>
/// The mail and alert settings as app configuration names them, bound from its root. Text, as
/// <see cref="Reports.ReportConfiguration"/> is, so a bad value is refused with a line naming it.
/// </summary>
public sealed class NotificationConfiguration
{
    public SmtpConfiguration Smtp { get; set; } = new();
    public string? ReportRecipients { get; set; }
    public string? EmailAttachmentLimitMB { get; set; }
    public string? ReportBaseUrl { get; set; }
    public string? MailRetryDelay { get; set; }
    public string? MailMaxAttempts { get; set; }
    public string? AlertRecipients { get; set; }
    public string? AlertWebhookUrl { get; set; }
    public string? AlertWebhookSecret { get; set; }
    public string? AlertSilenceAfter { get; set; }
    public string? AlertMaxPerHour { get; set; }
    public string? AlertReportOverdueAfter { get; set; }
}

public sealed class NotificationConfigurationValidation : IValidateOptions<NotificationConfiguration>
{
    public ValidateOptionsResult Validate(string? name, NotificationConfiguration options)
    {
        try
        {
            NotificationOptions.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidNotificationSettingException invalid)
        {
            return ValidateOptionsResult.Fail(invalid.Message);
        }
    }
}

public sealed class InvalidNotificationSettingException(string message) : Exception(message);

/// <summary>How failed report mails are retried: the first retry after <see cref="FirstDelay"/>, each next one after twice as long.</summary>
public sealed record MailRetry(TimeSpan FirstDelay, int MaxAttempts)
{
    public TimeSpan DelayAfter(int failedAttempt) => FirstDelay * Math.Pow(2, failedAttempt - 1);
}

/// <summary>The mail and alert settings, read once and handed down. <see cref="Smtp"/> is <c>null</c> when no mail is to be sent.</summary>
/// <param name="BaseUrl">The Functions app's public address: links in mails are built on it; <c>null</c> sends none.</param>
public sealed record NotificationOptions(
    SmtpSettings? Smtp,
    IReadOnlyList<string> ReportRecipients,
    double AttachmentLimitMegabytes,
    Uri? BaseUrl,
    MailRetry Retry,
    IReadOnlyList<string> AlertRecipients,
    Uri? AlertWebhookUrl,
    string? AlertWebhookSecret,
    TimeSpan SilenceAfter,
    TimeSpan ReportOverdueAfter,
    AlertPolicy Policy)
{
    public long AttachmentLimitBytes => (long)(AttachmentLimitMegabytes * 1024 * 1024);

    public static NotificationOptions From(NotificationConfiguration configuration)
    {
        var reportRecipients = Addresses(nameof(configuration.ReportRecipients), configuration.ReportRecipients);
        var alertRecipients = Addresses(nameof(configuration.AlertRecipients), configuration.AlertRecipients);
        var webhook = Setting(configuration.AlertWebhookUrl) is { } url ? WebhookUrl(url) : null;
        var secret = Setting(configuration.AlertWebhookSecret);
        if (webhook is not null && secret is null)
        {
            throw new InvalidNotificationSettingException("AlertWebhookUrl is set but AlertWebhookSecret is not: every webhook call is HMAC-signed with it.");
        }
        var smtp = reportRecipients.Count > 0 || alertRecipients.Count > 0 ? SmtpServer(configuration.Smtp) : null;
        return new NotificationOptions(
            smtp,
            reportRecipients,
            Megabytes(nameof(configuration.EmailAttachmentLimitMB), configuration.EmailAttachmentLimitMB, 10),
            Setting(configuration.ReportBaseUrl) is { } baseUrl ? AbsoluteUrl(nameof(configuration.ReportBaseUrl), baseUrl) : null,
            new MailRetry(
                Duration(nameof(configuration.MailRetryDelay), configuration.MailRetryDelay, TimeSpan.FromMinutes(1)),
                Positive(nameof(configuration.MailMaxAttempts), configuration.MailMaxAttempts, 8)),
            alertRecipients,
            webhook,
            secret,
            Duration(nameof(configuration.AlertSilenceAfter), configuration.AlertSilenceAfter, TimeSpan.FromHours(2)),
            Duration(nameof(configuration.AlertReportOverdueAfter), configuration.AlertReportOverdueAfter, TimeSpan.FromHours(26)),
            new AlertPolicy(AlertPolicy.DefaultQuiet, AlertPolicy.DefaultMaxWait, Positive(nameof(configuration.AlertMaxPerHour), configuration.AlertMaxPerHour, AlertPolicy.DefaultMaxPerHour)));
    }

    private static SmtpSettings SmtpServer(SmtpConfiguration smtp)
    {
        var host = Setting(smtp.Host) ?? throw new InvalidNotificationSettingException("ReportRecipients or AlertRecipients is set but Smtp__Host is not: name the SMTP server mail goes through.");
        var from = Setting(smtp.From) ?? throw new InvalidNotificationSettingException("ReportRecipients or AlertRecipients is set but Smtp__From is not: name the sender address.");
        if (!MailAddress.TryCreate(from, out _))
        {
            throw new InvalidNotificationSettingException($"Smtp__From must be a mail address, not '{from}'.");
        }
        var security = Setting(smtp.Security) switch
        {
            null => SmtpSecurity.StartTls,
            var name when Enum.TryParse<SmtpSecurity>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            var name => throw new InvalidNotificationSettingException($"Smtp__Security must be StartTls, Tls or None, not '{name}'."),
        };
        if (security == SmtpSecurity.None && !IsLoopback(host))
        {
            throw new InvalidNotificationSettingException($"Smtp__Security None sends mail and password in clear: it is allowed only to a server on this machine (localhost, 127.0.0.1, ::1), not to '{host}'.");
        }
        var port = Setting(smtp.Port) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 65535
                ? value
                : throw new InvalidNotificationSettingException($"Smtp__Port must be a port number, not '{text}'.")
            : security switch { SmtpSecurity.Tls => 465, SmtpSecurity.None => 25, _ => 587 };
        return new SmtpSettings(host, port, security, Setting(smtp.UserName), Setting(smtp.Password), from);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static Uri WebhookUrl(string text)
    {
        var url = AbsoluteUrl(nameof(NotificationConfiguration.AlertWebhookUrl), text);
        return url.Scheme == Uri.UriSchemeHttps || IsLoopback(url.Host)
            ? url
            : throw new InvalidNotificationSettingException($"AlertWebhookUrl must be https (plain http only to this machine), not '{url.GetLeftPart(UriPartial.Authority)}'.");
    }

    private static Uri AbsoluteUrl(string name, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new InvalidNotificationSettingException($"{name} must be an absolute http(s) URL, not '{text}'.");

    private static IReadOnlyList<string> Addresses(string name, string? text)
    {
        var addresses = (text ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var address in addresses)
        {
            if (!MailAddress.TryCreate(address, out _))
            {
                throw new InvalidNotificationSettingException($"{name} must be mail addresses separated by commas; '{address}' is not one.");
            }
        }
        return addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static int Positive(string name, string? text, int fallback) =>
        Setting(text) is not { } value ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
        : throw new InvalidNotificationSettingException($"{name} must be a whole number above 0, not '{value}'.");

    private static double Megabytes(string name, string? text, double fallback) =>
        Setting(text) is not { } value ? fallback
        : double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
        : throw new InvalidNotificationSettingException($"{name} must be a number of megabytes above 0, such as 10, not '{value}'.");

    private static TimeSpan Duration(string name, string? text, TimeSpan fallback) =>
        Setting(text) is not { } value ? fallback
        : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero ? duration
        : throw new InvalidNotificationSettingException($"{name} must be a duration such as 02:00:00, not '{value}'.");

    private static string? Setting(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
