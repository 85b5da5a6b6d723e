using ComplianceReports.Notifications;
using ComplianceReports.Pipeline.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>Mail and alert settings as README's Configuration table names them, checked before a host starts.</summary>
public sealed class ReadingTheMailAndAlertSettings
{
    [Fact]
    public void Unset_settings_send_no_mail_and_take_the_documented_defaults()
    {
        var options = Read();

        Assert.Null(options.Smtp);
        Assert.Empty(options.ReportRecipients);
        Assert.Equal((10d, (Uri?)null, TimeSpan.FromMinutes(1), 8), (options.AttachmentLimitMegabytes, options.BaseUrl, options.Retry.FirstDelay, options.Retry.MaxAttempts));
        Assert.Equal((TimeSpan.FromHours(2), TimeSpan.FromHours(26), 12), (options.SilenceAfter, options.ReportOverdueAfter, options.Policy.MaxPerHour));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)), (options.Retry.DelayAfter(1), options.Retry.DelayAfter(2), options.Retry.DelayAfter(3)));
    }

    [Fact]
    public void Recipients_need_an_smtp_server_which_defaults_to_starttls_on_587()
    {
        var options = Read(("ReportRecipients", "a@example.com, b@example.com;a@example.com"), ("Smtp:Host", "smtp.azurecomm.net"), ("Smtp:From", "DoNotReply@example.com"),
            ("Smtp:UserName", "app|tenant"), ("Smtp:Password", "secret"));

        Assert.Equal(["a@example.com", "b@example.com"], options.ReportRecipients);
        Assert.Equal(new SmtpSettings("smtp.azurecomm.net", 587, SmtpSecurity.StartTls, "app|tenant", "secret", "DoNotReply@example.com"), options.Smtp);
        Assert.Equal(465, Read(("AlertRecipients", "oncall@example.com"), ("Smtp:Host", "relay.example.com"), ("Smtp:From", "a@example.com"), ("Smtp:Security", "tls")).Smtp!.Port);
    }

    [Theory]
    [InlineData("Smtp:Host", "smtp.example.com", "Smtp__Security None sends mail and password in clear: it is allowed only to a server on this machine (localhost, 127.0.0.1, ::1), not to 'smtp.example.com'.")]
    [InlineData("Smtp:Security", "Ssl", "Smtp__Security must be StartTls, Tls or None, not 'Ssl'.")]
    [InlineData("Smtp:Port", "smtp", "Smtp__Port must be a port number, not 'smtp'.")]
    [InlineData("Smtp:From", "", "ReportRecipients or AlertRecipients is set but Smtp__From is not: name the sender address.")]
    [InlineData("ReportRecipients", "auditor at example", "ReportRecipients must be mail addresses separated by commas; 'auditor at example' is not one.")]
    [InlineData("EmailAttachmentLimitMB", "ten", "EmailAttachmentLimitMB must be a number of megabytes above 0, such as 10, not 'ten'.")]
    [InlineData("AlertWebhookSecret", "", "AlertWebhookUrl is set but AlertWebhookSecret is not: every webhook call is HMAC-signed with it.")]
    [InlineData("AlertWebhookUrl", "http://hooks.example.com/alerts", "AlertWebhookUrl must be https (plain http only to this machine), not 'http://hooks.example.com'.")]
    [InlineData("AlertSilenceAfter", "two hours", "AlertSilenceAfter must be a duration such as 02:00:00, not 'two hours'.")]
    [InlineData("AlertMaxPerHour", "0", "AlertMaxPerHour must be a whole number above 0, not '0'.")]
    public void A_bad_setting_fails_the_start_up_check_with_one_line_naming_it(string key, string value, string message)
    {
        (string, string)[] valid =
        [
            ("ReportRecipients", "auditor@example.com"), ("Smtp:Host", "127.0.0.1"), ("Smtp:Security", "None"), ("Smtp:From", "compliance@example.com"),
            ("AlertWebhookUrl", "https://hooks.example.com/alerts"), ("AlertWebhookSecret", "s3cret"),
        ];
        var services = SettingsOnly.Services([.. valid.Where(setting => setting.Item1 != key), (key, value)]);

        var invalid = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(message, invalid.Message);
    }

    private static NotificationOptions Read(params (string Key, string Value)[] settings) => SettingsOnly.Services(settings).GetRequiredService<NotificationOptions>();
}
