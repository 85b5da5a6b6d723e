using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// Reports over HTTP, whichever host serves them: the list of versions, a version's files streamed from
/// blob storage, and requests for a new version through the <c>report-requests</c> queue. Every route
/// value is checked here (<see cref="RouteValues"/>) before it reaches a blob name.
/// </summary>
public sealed class ReportDelivery(BlobReportStore reports, ReportReviewStore reviews, ReportRequestQueue requests, ReportRequestOutcomes outcomes, ReportRequestLimiter limiter, ReportOptions options)
{
    public async Task<DeliveryReply> ListAsync(bool html, CancellationToken cancellationToken)
    {
        var manifests = await reports.ListAllAsync(cancellationToken);
        var reviewed = (await reviews.ListAllAsync(cancellationToken)).ToLookup(review => (review.Month, review.Version));
        if (html)
        {
            return new HtmlReply(ReportListPage.Render(options.Settings.Organisation, manifests, reviewed));
        }
        var months = manifests
            .GroupBy(m => m.Month, StringComparer.Ordinal)
            .Select(group =>
            {
                var month = Month.Parse(group.Key);
                var latestVersion = group.Max(m => m.Version);
                return new
                {
                    month = group.Key,
                    latestVersion,
                    latest = ReportLinks.Latest(month),
                    versions = group.Select(m => new
                    {
                        version = m.Version,
                        eventCount = m.EventCount,
                        eventDigest = m.EventDigest,
                        generatedAt = m.GeneratedAt,
                        readAt = m.ReadAt,
                        timeZone = m.TimeZone,
                        links = Links(month, m.Version),
                        reviews = reviewed[(m.Month, m.Version)].Select(review => ReviewDelivery.Describe(review, latestVersion)),
                    }),
                };
            });
        return JsonReply.Of(200, new { reports = months });
    }

    public async Task<DeliveryReply> LatestAsync(string? month, ReportFile file, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryMonth(month, out var parsed, out var error))
        {
            return error;
        }
        var manifest = await reports.GetLatestAsync(parsed, cancellationToken);
        return manifest is null
            ? JsonReply.Error(404, $"There is no report for {parsed} yet: POST {ReportLinks.Latest(parsed)} asks for one.")
            : await OpenAsync(parsed, manifest, file, cancellationToken);
    }

    public async Task<DeliveryReply> VersionAsync(string? month, string? version, ReportFile file, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryMonth(month, out var parsed, out var error) || !RouteValues.TryVersion(version, out var number, out error))
        {
            return error;
        }
        var manifest = (await reports.ListVersionsAsync(parsed, cancellationToken)).FirstOrDefault(m => m.Version == number);
        return manifest is null
            ? JsonReply.Error(404, $"There is no version {number} of the {parsed} report.")
            : await OpenAsync(parsed, manifest, file, cancellationToken);
    }

    /// <summary>
    /// Puts a request on the queue; the answer's Location is where its outcome will be. A caller asking again
    /// for the same month too soon gets 429 with Retry-After (<see cref="ReportRequestLimiter"/>).
    /// </summary>
    public async Task<DeliveryReply> RequestAsync(string? month, Caller caller, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryMonth(month, out var parsed, out var error))
        {
            return error;
        }
        if (!limiter.TryAcquire(caller, parsed.ToString(), out var retryAfter))
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            return JsonReply.Error(429, $"{caller} asked for {parsed} moments ago: ask again in {seconds} s, or follow the request already made.") with
            {
                RetryAfter = TimeSpan.FromSeconds(seconds),
            };
        }
        // The caller goes with the request, so the generator's log line names who asked.
        var request = ReportRequest.For(parsed, $"http: {caller}");
        await requests.SendAsync(request, cancellationToken);
        var location = ReportLinks.Request(parsed, request.RequestId);
        return JsonReply.Of(202, new { month = request.Month, requestId = request.RequestId, status = "waiting", location }, location);
    }

    /// <summary>202 while the request waits or runs, 200 with the version it produced once served.</summary>
    public async Task<DeliveryReply> RequestStatusAsync(string? month, string? requestId, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryMonth(month, out var parsed, out var error) || !RouteValues.TryRequestId(requestId, out error))
        {
            return error;
        }
        var location = ReportLinks.Request(parsed, requestId!);
        var outcome = await outcomes.FindAsync(requestId!, cancellationToken);
        if (outcome is null)
        {
            return JsonReply.Of(202, new { month = parsed.ToString(), requestId, status = "waiting", location }, location);
        }
        if (outcome.Month != parsed.ToString())
        {
            return JsonReply.Error(404, $"Request {requestId} was not for {parsed}.");
        }
        return JsonReply.Of(200, new
        {
            month = outcome.Month,
            requestId,
            status = "done",
            version = outcome.Version,
            eventCount = outcome.EventCount,
            newVersion = outcome.NewVersion,
            completedAt = outcome.CompletedAt,
            links = Links(parsed, outcome.Version),
        });
    }

    private async Task<DeliveryReply> OpenAsync(Month month, ReportManifest manifest, ReportFile file, CancellationToken cancellationToken)
    {
        if (!manifest.Files.ContainsKey(file.BlobFileName()))
        {
            return JsonReply.Error(404, $"Version {manifest.Version} of the {month} report has no {file.BlobFileName()}.");
        }
        var content = await reports.OpenFileAsync(manifest, file.BlobFileName(), cancellationToken);
        return new FileReply(content, file.ContentType(), file == ReportFile.Summary ? null : file.DownloadName(month, manifest.Version));
    }

    private static object Links(Month month, int version) => new
    {
        pdf = ReportLinks.Version(month, version),
        summary = ReportLinks.Summary(month, version),
        evidence = ReportLinks.Evidence(month, version),
        reviews = ReportLinks.Reviews(month, version),
    };
}

public static class ReportDeliveryServices
{
    /// <summary>
    /// Registers <see cref="ReportDelivery"/>, <see cref="ReviewDelivery"/>, <see cref="SigningCertificateDelivery"/> and the gate
    /// in front of them (<see cref="RouteAccess"/>) beside <see cref="PipelineServices.AddCompliancePipeline"/>; both hosts call it,
    /// each saying whose word it takes for the caller.
    /// </summary>
    public static IServiceCollection AddReportDelivery(this IServiceCollection services, IConfiguration configuration, CallerTrust trust)
    {
        services.AddOptions<HttpAccessConfiguration>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpAccessConfiguration>, HttpAccessConfigurationValidation>();
        services.AddSingleton(provider => HttpAccessOptions.From(provider.GetRequiredService<IOptions<HttpAccessConfiguration>>().Value, trust));
        return services
            .AddSingleton<RouteAccess>()
            .AddSingleton<ReportRequestLimiter>()
            .AddSingleton<ReportDelivery>()
            .AddSingleton<ReviewDelivery>()
            .AddSingleton<SigningCertificateDelivery>();
    }
}
