using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Delivery;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Notifications;
using ComplianceReports.Storage.Delivery;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// Mails each new report version once to every one of <c>ReportRecipients</c>, through the
/// <c>report-mail</c> queue: generation only enqueues, the queue function sends. Deliveries are checked
/// before sending and recorded after, per version and recipient; a failed attempt comes back after a
/// back-off that doubles, and after <c>MailMaxAttempts</c> the request goes to <c>report-mail-poison</c>.
/// </summary>
public sealed partial class ReportMailing(
    BlobReportStore reports,
    ReportMailQueue queue,
    MailDeliveries deliveries,
    NotificationOptions options,
    TimeProvider clock,
    ILogger<ReportMailing> logger)
{
    /// <summary>For a version just published: nothing when no one is to get it.</summary>
    public async Task EnqueueAsync(ReportManifest manifest, CancellationToken cancellationToken)
    {
        if (options.Smtp is null || options.ReportRecipients.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await deliveries.WriteAsync(
            options.ReportRecipients.Select(recipient => new MailDelivery(manifest.Month, manifest.Version, recipient, MailDeliveryStatus.Pending, 0, null, now)),
            cancellationToken);
        await queue.SendAsync(new ReportMailRequest(manifest.Month, manifest.Version, Attempt: 1), TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Serves a request as it came off the queue. Storage failures are thrown for the queue to retry; mail failures are retried here, with back-off.</summary>
    public async Task DeliverAsync(string message, CancellationToken cancellationToken)
    {
        var request = ReportMailRequest.FromJson(message);
        if (options.Smtp is not { } smtp)
        {
            LogNotConfigured(request.Month, request.Version);
            return;
        }
        var recorded = (await deliveries.ReadAsync(request.Month, request.Version, cancellationToken)).ToDictionary(delivery => delivery.Recipient, StringComparer.OrdinalIgnoreCase);
        var due = options.ReportRecipients.Where(recipient => recorded.GetValueOrDefault(recipient)?.Status != MailDeliveryStatus.Sent).ToList();
        if (due.Count == 0)
        {
            return;
        }
        var manifest = (await reports.ListVersionsAsync(request.ParsedMonth, cancellationToken)).FirstOrDefault(version => version.Version == request.Version);
        if (manifest is null)
        {
            LogNoSuchVersion(request.Month, request.Version);
            return;
        }

        var mail = await ComposeAsync(manifest, due, cancellationToken);
        try
        {
            await new SmtpMailer(smtp).SendAsync(mail, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailedAsync(request, due, $"{e.GetType().Name}: {e.Message}", cancellationToken);
            return;
        }
        finally
        {
            mail.Attachment?.Content.Dispose();
        }
        var now = clock.GetUtcNow();
        await deliveries.WriteAsync(due.Select(recipient => new MailDelivery(request.Month, request.Version, recipient, MailDeliveryStatus.Sent, request.Attempt - 1, null, now)), cancellationToken);
        LogSent(request.Month, request.Version, due.Count, request.Attempt);
    }

    private async Task FailedAsync(ReportMailRequest request, IReadOnlyList<string> due, string error, CancellationToken cancellationToken)
    {
        var givingUp = request.Attempt >= options.Retry.MaxAttempts;
        var now = clock.GetUtcNow();
        await deliveries.WriteAsync(
            due.Select(recipient => new MailDelivery(request.Month, request.Version, recipient, givingUp ? MailDeliveryStatus.Failed : MailDeliveryStatus.Pending, request.Attempt, error, now)),
            cancellationToken);
        if (givingUp)
        {
            await queue.GiveUpAsync(request, cancellationToken);
            LogGaveUp(request.Month, request.Version, request.Attempt, error);
            return;
        }
        var delay = options.Retry.DelayAfter(request.Attempt);
        await queue.SendAsync(request with { Attempt = request.Attempt + 1 }, delay, cancellationToken);
        LogRetrying(request.Month, request.Version, request.Attempt, error, delay);
    }

    private async Task<OutgoingMail> ComposeAsync(ReportManifest manifest, IReadOnlyList<string> to, CancellationToken cancellationToken)
    {
        var month = Month.Parse(manifest.Month);
        ReportSummary summary;
        await using (var json = await reports.OpenFileAsync(manifest, ReportFileNames.Summary, cancellationToken))
        using (var buffer = new MemoryStream())
        {
            await json.CopyToAsync(buffer, cancellationToken);
            summary = ReportSummary.FromUtf8Json(buffer.ToArray());
        }
        var pdf = await reports.OpenFileAsync(manifest, ReportFileNames.Pdf, cancellationToken);
        var attached = pdf.Length <= options.AttachmentLimitBytes;
        if (!attached)
        {
            await pdf.DisposeAsync();
        }
        var link = options.BaseUrl is { } baseUrl ? new Uri(baseUrl, ReportLinks.Version(month, manifest.Version)).ToString() : null;
        return new OutgoingMail(
            to,
            ReportMail.Subject(summary),
            ReportMail.Body(summary, link, attached, options.AttachmentLimitMegabytes),
            attached ? new MailAttachment(ReportFile.Pdf.DownloadName(month, manifest.Version), ReportFile.Pdf.ContentType(), pdf) : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailed the {Month} report version {Version} to {Recipients} recipients (attempt {Attempt})")]
    private partial void LogSent(string month, int version, int recipients, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailing the {Month} report version {Version} failed (attempt {Attempt}): {Error}; trying again in {Delay}")]
    private partial void LogRetrying(string month, int version, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailing the {Month} report version {Version} gave up after {Attempt} attempts: {Error}; the request is in report-mail-poison")]
    private partial void LogGaveUp(string month, int version, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Month} report version {Version} was to be mailed, but no SMTP server is configured any more")]
    private partial void LogNotConfigured(string month, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Month} report has no version {Version} to mail")]
    private partial void LogNoSuchVersion(string month, int version);
}
