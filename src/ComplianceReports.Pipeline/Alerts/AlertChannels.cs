using ComplianceReports.Domain.Alerts;
using ComplianceReports.Notifications;
using ComplianceReports.Pipeline.Delivery;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Alerts;

/// <summary>Sends an alert by mail to <c>AlertRecipients</c> and as a signed JSON POST to <c>AlertWebhookUrl</c>, whichever are set.</summary>
public sealed partial class AlertChannels(NotificationOptions options, WebhookPoster webhook, ILogger<AlertChannels> logger)
{
    /// <summary>
    /// Whether the alert went out, so it need not be sent again: on at least one channel, or on none
    /// because none is set (the log has it). When every channel set failed, it waits for the next run.
    /// </summary>
    public async Task<bool> SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        LogAlert(alert.KindName, alert.Title, alert.Count);
        var (sent, failed) = (0, 0);
        if (options.AlertRecipients.Count > 0 && options.Smtp is { } smtp)
        {
            if (await TryAsync("mail", () => new SmtpMailer(smtp).SendAsync(new OutgoingMail(options.AlertRecipients, $"PrivX compliance alert: {alert.Title}", alert.Text), cancellationToken)))
            {
                sent++;
            }
            else
            {
                failed++;
            }
        }
        if (options.AlertWebhookUrl is { } url)
        {
            if (await TryAsync("webhook", () => webhook.PostAsync(url, alert.ToWebhookJson(), options.AlertWebhookSecret, cancellationToken)))
            {
                sent++;
            }
            else
            {
                failed++;
            }
        }
        return sent > 0 || failed == 0;
    }

    private async Task<bool> TryAsync(string channel, Func<Task> send)
    {
        try
        {
            await send();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogChannelFailed(channel, e.GetType().Name, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert ({Kind}): {Title}; {Count} signals")]
    private partial void LogAlert(string kind, string title, long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert {Channel} failed ({Error}): {Reason}")]
    private partial void LogChannelFailed(string channel, string error, string reason);
}
