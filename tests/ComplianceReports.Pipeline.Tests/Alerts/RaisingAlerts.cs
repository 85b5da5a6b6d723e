using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceReports.Pipeline.Alerts;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>A finding stored on Azurite raises one alert, by mail and by a signed webhook call; many findings at once raise one alert.</summary>
public sealed class RaisingAlerts(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>, IAsyncLifetime
{
    private const string Secret = "webhook-secret-for-tests";
    private readonly LocalSmtpServer smtp = new();
    private readonly WebhookListener webhook = new();

    [Fact]
    public async Task A_stored_1006_event_raises_one_alert_mail_and_one_webhook_call_with_a_valid_hmac_and_no_payload()
    {
        var services = Services();
        var at = new DateTimeOffset(2012, 8, 1, 10, 0, 0, TimeSpan.Zero);
        pipeline.Clock.AdjustTime(at);
        var item = PrivXSample.Item(1006, at.AddMinutes(-1), user: "mallory-the-intruder");

        await services.GetRequiredService<AuditEventIngestion>().IngestAsync(item, "message-1006", default);
        // Redelivered, as a queue may: the same cause, not a second alert.
        await services.GetRequiredService<AuditEventIngestion>().IngestAsync(item, "message-1006", default);
        pipeline.Clock.Advance(TimeSpan.FromSeconds(15));
        var sent = await services.GetRequiredService<AlertMonitoring>().DispatchAsync(default);
        var later = await services.GetRequiredService<AlertMonitoring>().DispatchAsync(default);

        var alert = Assert.Single(sent);
        Assert.Empty(later);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("PrivX compliance alert: 1 finding event stored", mail.Subject);
        Assert.Equal(["oncall@example.com"], mail.To.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Contains("1006 (Trail-file-integrity-failed): 1", mail.TextBody, StringComparison.Ordinal);
        var call = Assert.Single(webhook.Calls);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), call.Body)), call.Signature);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("finding", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal(alert.Text, body.RootElement.GetProperty("text").GetString());
        Assert.Equal("1006", body.RootElement.GetProperty("subjects")[0].GetProperty("subject").GetString());
        Assert.DoesNotContain("mallory", Encoding.UTF8.GetString(call.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("mallory", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forty_findings_in_a_minute_give_one_grouped_alert()
    {
        var services = Services();
        var monitoring = services.GetRequiredService<AlertMonitoring>();
        var start = new DateTimeOffset(2012, 9, 1, 10, 0, 0, TimeSpan.Zero);
        pipeline.Clock.AdjustTime(start);
        var dispatchedWhileComing = new List<int>();

        // Four messages of ten findings, five seconds apart; the timer runs between them.
        for (var message = 0; message < 4; message++)
        {
            var items = Enumerable.Range(0, 10).Select(i => PrivXSample.Item(1006, start.AddSeconds(message * 10 + i), $"user{message}-{i}"));
            await services.GetRequiredService<AuditEventIngestion>().IngestAsync(PrivXSample.Page(items.ToList()), $"burst-{message}", default);
            pipeline.Clock.Advance(TimeSpan.FromSeconds(5));
            dispatchedWhileComing.Add((await monitoring.DispatchAsync(default)).Count);
        }
        pipeline.Clock.Advance(TimeSpan.FromSeconds(10));
        var sent = await monitoring.DispatchAsync(default);

        Assert.Equal([0, 0, 0, 0], dispatchedWhileComing);
        var alert = Assert.Single(sent);
        Assert.Equal(40, alert.Count);
        Assert.Equal("PrivX compliance alert: 40 finding events stored", Assert.Single(smtp.Received, mail => mail.Subject!.Contains("40", StringComparison.Ordinal)).Subject);
    }

    private IServiceProvider Services() =>
        pipeline.Services([.. smtp.Settings(), ("AlertRecipients", "oncall@example.com"), ("AlertWebhookUrl", webhook.Url), ("AlertWebhookSecret", Secret)]);

    public Task InitializeAsync()
    {
        smtp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        webhook.Dispose();
        await smtp.DisposeAsync();
    }
}
