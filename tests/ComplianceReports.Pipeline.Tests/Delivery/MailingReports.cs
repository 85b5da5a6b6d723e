using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Delivery;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>A new version goes by mail, through its own queue, once to each recipient; an SMTP outage is retried until the mail goes.</summary>
public sealed class MailingReports(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>, IAsyncLifetime
{
    private readonly LocalSmtpServer smtp = new();

    [Fact]
    public async Task A_new_version_is_mailed_once_to_every_recipient_with_the_stored_signed_pdf_attached_and_an_unchanged_month_is_not_mailed_again()
    {
        smtp.Start();
        var month = new Month(2013, 4);
        var services = Services();
        await StoreAsync(month, findings: 2, others: 3);

        var first = await services.GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
        var request = await pipeline.TakeMailRequestAsync();
        await services.GetRequiredService<ReportMailing>().DeliverAsync(request!, default);
        // The same request delivered again, as a queue may: recorded as sent, so not sent again.
        await services.GetRequiredService<ReportMailing>().DeliverAsync(request!, default);
        var again = await services.GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);

        Assert.Equal((1, true, false), (first.Version, first.NewVersion, again.NewVersion));
        Assert.Null(await pipeline.TakeMailRequestAsync());
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(["auditor@example.com", "ciso@example.com"], mail.To.Mailboxes.Select(mailbox => mailbox.Address).Order());
        Assert.Equal("PrivX compliance report 2013-04 (version 1): 2 findings", mail.Subject);
        Assert.Contains("5 audit events", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Trail-file-integrity-failed (1006): 2", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://reports.example.com/api/reports/2013-04/versions/1", mail.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(("application/pdf", "compliance-report-2013-04-v1.pdf"), (attachment.ContentType.MimeType, attachment.FileName));
        var attached = Decoded(attachment);
        Assert.Equal(await StoredPdfAsync(month), attached);
        Assert.True(PdfSignatureCheck.Check(attached).IsIntact);
        var deliveries = await pipeline.Services().GetRequiredService<MailDeliveries>().ReadAsync("2013-04", 1, default);
        Assert.All(deliveries, delivery => Assert.Equal(MailDeliveryStatus.Sent, delivery.Status));
    }

    [Fact]
    public async Task A_version_over_the_attachment_limit_is_mailed_with_its_link_only()
    {
        smtp.Start();
        var month = new Month(2013, 5);
        // 0.01 MB, some ten kilobytes: every report PDF is bigger.
        var services = Services(("EmailAttachmentLimitMB", "0.01"));
        await StoreAsync(month, findings: 0, others: 1);
        await services.GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);

        await services.GetRequiredService<ReportMailing>().DeliverAsync((await pipeline.TakeMailRequestAsync())!, default);

        var mail = Assert.Single(smtp.Received);
        Assert.Empty(mail.Attachments);
        Assert.Contains("over 0.01 MB, so it is not attached", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://reports.example.com/api/reports/2013-05/versions/1", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_smtp_outage_is_retried_with_back_off_until_the_mail_goes()
    {
        var month = new Month(2013, 6);
        var services = Services(("MailRetryDelay", "00:00:00"));
        await StoreAsync(month, findings: 1, others: 0);
        await services.GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
        var mailing = services.GetRequiredService<ReportMailing>();

        // Nobody listens on the port yet: each attempt fails and comes back with the next attempt's number.
        await mailing.DeliverAsync((await pipeline.TakeMailRequestAsync())!, default);
        await mailing.DeliverAsync((await pipeline.TakeMailRequestAsync())!, default);
        var third = await pipeline.TakeMailRequestAsync();
        var duringOutage = await services.GetRequiredService<MailDeliveries>().ReadAsync("2013-06", 1, default);
        smtp.Start();
        await mailing.DeliverAsync(third!, default);

        Assert.Equal(3, ReportMailRequest.FromJson(third!).Attempt);
        Assert.All(duringOutage, delivery => Assert.Equal((MailDeliveryStatus.Pending, 2), (delivery.Status, delivery.Attempts)));
        Assert.All(duringOutage, delivery => Assert.Contains("Socket", delivery.LastError, StringComparison.Ordinal));
        Assert.Equal("PrivX compliance report 2013-06 (version 1): 1 finding", Assert.Single(smtp.Received).Subject);
        Assert.Null(await pipeline.TakeMailRequestAsync());
        Assert.All(await services.GetRequiredService<MailDeliveries>().ReadAsync("2013-06", 1, default), delivery => Assert.Equal(MailDeliveryStatus.Sent, delivery.Status));
    }

    [Fact]
    public async Task A_mail_that_fails_every_attempt_goes_to_the_poison_queue_and_is_recorded_as_failed()
    {
        var month = new Month(2013, 7);
        var services = Services(("MailRetryDelay", "00:00:00"), ("MailMaxAttempts", "2"));
        await StoreAsync(month, findings: 0, others: 1);
        await services.GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
        var mailing = services.GetRequiredService<ReportMailing>();

        await mailing.DeliverAsync((await pipeline.TakeMailRequestAsync())!, default);
        await mailing.DeliverAsync((await pipeline.TakeMailRequestAsync())!, default);

        Assert.Null(await pipeline.TakeMailRequestAsync());
        var poisoned = (await pipeline.Storage.CreateQueueClient(QueueNames.Poison(QueueNames.ReportMail)).PeekMessagesAsync(32)).Value;
        Assert.Contains(poisoned, message => ReportMailRequest.FromJson(message.Body.ToString()) is { Month: "2013-07", Version: 1, Attempt: 2 });
        var unsent = await services.GetRequiredService<MailDeliveries>().UnsentAsync(default);
        Assert.Equal(2, unsent.Count(delivery => delivery is { Month: "2013-07", Status: MailDeliveryStatus.Failed, Attempts: 2 }));
    }

    private IServiceProvider Services(params (string Key, string Value)[] settings) =>
        pipeline.Services([.. smtp.Settings(), ("ReportRecipients", "auditor@example.com, ciso@example.com"), ("ReportBaseUrl", "https://reports.example.com"), .. settings]);

    private Task StoreAsync(Month month, int findings, int others)
    {
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1));
        var items = Enumerable.Range(0, findings).Select(i => PrivXSample.Item(1006, month.StartUtc.AddDays(1).AddHours(i), $"user{i}"))
            .Concat(Enumerable.Range(0, others).Select(i => PrivXSample.Item(100, month.StartUtc.AddDays(2).AddHours(i), $"user{i}")));
        return pipeline.Services().GetRequiredService<TableEventStore>()
            .AppendAsync(items.Select(item => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event), default);
    }

    private async Task<byte[]> StoredPdfAsync(Month month)
    {
        var reports = pipeline.Services().GetRequiredService<BlobReportStore>();
        await using var pdf = await reports.OpenFileAsync((await reports.GetLatestAsync(month, default))!, ReportFileNames.Pdf, default);
        using var bytes = new MemoryStream();
        await pdf.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private static byte[] Decoded(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => smtp.DisposeAsync().AsTask();
}
