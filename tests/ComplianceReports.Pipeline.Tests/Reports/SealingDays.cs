using System.Security.Cryptography;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs.Models;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>Sealed days on Azurite: a version costs the days that changed, and a rebuild from the raw events gives the same report.</summary>
public sealed class SealingDays(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task An_unchanged_month_is_answered_from_its_markers_without_reading_an_event()
    {
        var month = new Month(2011, 3);
        await StoreAsync(EventsOn(month, days: [2, 3, 4]));
        var first = await GenerateAsync(month);
        var reads = new CountEventReads();

        var again = await GenerateAsync(month, pipeline.ServicesWithStorage(options => options.AddPolicy(reads, HttpPipelinePosition.PerCall)));

        Assert.Equal((1, false), (again.Version, again.NewVersion));
        Assert.True(first.NewVersion);
        Assert.Equal(0, reads.Count);
    }

    [Fact]
    public async Task A_late_event_for_a_sealed_day_makes_a_version_that_reads_that_day_alone()
    {
        var month = new Month(2011, 5);
        await StoreAsync(EventsOn(month, days: [2, 3, 4, 20]));
        await GenerateAsync(month);
        var reads = new CountEventReads();

        await StoreAsync([Event(month, day: 3, hour: 23, user: "late")]);
        var second = await GenerateAsync(month, pipeline.ServicesWithStorage(options => options.AddPolicy(reads, HttpPipelinePosition.PerCall)));

        Assert.Equal((2, true, 13L), (second.Version, second.NewVersion, second.EventCount));
        var read = Assert.Single(reads.Filters);
        // Only the late event's UTC hour is read again; the rest of the 3rd comes from its seal's rows.
        var hour = month.StartUtc.AddDays(2).AddHours(23);
        Assert.Contains($"RowKey ge '{hour.UtcTicks:D19}' and RowKey lt '{hour.AddHours(1).UtcTicks:D19}'", read);
        Assert.Equal(2, (await SealsAsync(month)).Count(seal => seal.Date.Day == 3));
        Assert.All((await SealsAsync(month)).Where(seal => seal.Date.Day != 3).GroupBy(seal => seal.Date), day => Assert.Single(day));
        var latest = (await Reports.GetLatestAsync(month, default))!;
        Assert.Equal(latest.EventDigest, (await DigestsOfEvidenceAsync(latest)).Digest);
    }

    [Fact]
    public async Task A_day_delivered_again_unchanged_is_resealed_with_the_same_digest_and_keeps_the_version()
    {
        var month = new Month(2011, 7);
        var events = EventsOn(month, days: [5, 6]);
        await StoreAsync(events);
        await GenerateAsync(month);

        await StoreAsync(events.Where(auditEvent => auditEvent.OccurredAt.Day == 6).ToList());
        var again = await GenerateAsync(month);

        Assert.Equal((1, false), (again.Version, again.NewVersion));
        var sixth = (await SealsAsync(month)).Where(seal => seal.Date.Day == 6).ToList();
        Assert.Equal(2, sixth.Count);
        Assert.Single(sixth.Select(seal => (seal.Digest, seal.Chunk)).Distinct());
    }

    [Fact]
    public async Task A_rebuild_from_the_raw_events_with_seals_deleted_gives_the_same_figures_digest_and_evidence()
    {
        var month = new Month(2011, 9);
        await StoreAsync(EventsOn(month, days: [1, 2, 3, 15, 30]));
        await GenerateAsync(month);
        await StoreAsync([Event(month, day: 2, hour: 22, user: "late"), Event(month, day: 15, hour: 1, user: "later")]);
        await GenerateAsync(month);
        var sealedVersion = await LatestPublishedAsync(month);

        var (rebuilt, rebuiltVersion) = await RebuildAsync(month);

        Assert.Equal((1, true), (rebuilt.Version, rebuilt.NewVersion));
        Assert.Equal(sealedVersion, rebuiltVersion);
    }

    [Fact]
    public async Task In_a_zone_off_the_hour_a_day_resealed_from_its_seal_and_its_changed_hours_gives_what_a_rebuild_gives()
    {
        var month = new Month(2012, 1);
        var kathmandu = pipeline.Services(("ReportTimeZone", "Asia/Kathmandu"));
        // Kathmandu's 10 January runs from 18:15 UTC on the 9th to 18:15 UTC on the 10th.
        await StoreAsync([.. EventsOn(month, days: [9, 10]), Event(month, day: 9, hour: 18, user: "before midnight", minutes: 5), Event(month, day: 10, hour: 18, user: "next day", minutes: 20)]);
        await GenerateAsync(month, kathmandu);
        await StoreAsync([Event(month, day: 9, hour: 18, user: "late, first minutes", minutes: 30), Event(month, day: 10, hour: 18, user: "late, last minutes", minutes: 10), Event(month, day: 10, hour: 10, user: "late, midday")]);
        var reads = new CountEventReads();
        var resealed = await GenerateAsync(month, pipeline.ServicesWithStorage(options => options.AddPolicy(reads, HttpPipelinePosition.PerCall), ("ReportTimeZone", "Asia/Kathmandu")));
        var resealedVersion = await LatestPublishedAsync(month);

        var (_, rebuiltVersion) = await RebuildAsync(month, kathmandu);

        Assert.Equal((2, true, 11L), (resealed.Version, resealed.NewVersion, resealed.EventCount));
        // The changed UTC hours as parts of the local days they fall in: 18:15–19:00 UTC on the 9th is
        // the 10th's, 18:00–18:15 on the 10th the 10th's and 18:15–19:00 the 11th's. Five reads, no whole day.
        Assert.Equal(5, reads.Count);
        Assert.Equal(resealedVersion, rebuiltVersion);
    }

    [Fact]
    public async Task A_seal_whose_chunk_was_altered_is_not_resealed_from_and_the_chunk_is_named()
    {
        var month = new Month(2012, 3);
        await StoreAsync(EventsOn(month, days: [7, 8]));
        await GenerateAsync(month);
        var seventh = Assert.Single(await SealsAsync(month), seal => seal.Date.Day == 7);
        var altered = new MemoryStream();
        await using (var chunk = EvidenceCsv.OpenChunk(altered))
        {
            await chunk.AddAsync(EvidenceRow.From(Event(month, day: 7, hour: 9, user: "forged"), month.StartUtc, new DateOnly(2012, 3, 7)));
        }
        altered.Position = 0;
        await pipeline.Storage.CreateBlobContainerClient(DaySealStore.ContainerName).GetBlobClient(seventh.Chunk).UploadAsync(altered, overwrite: true);

        await StoreAsync([Event(month, day: 7, hour: 20, user: "late")]);
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => GenerateAsync(month));

        Assert.Contains($"The evidence chunk {seventh.Chunk} of the sealed day 2012-03-07 is not the one sealed", refused.Message);
    }

    [Fact]
    public async Task A_change_of_zone_seals_the_new_zones_days_and_leaves_the_old_version_verifiable()
    {
        var month = new Month(2011, 11);
        await StoreAsync(EventsOn(month, days: [1, 10, 30]).Append(Event(month, day: 30, hour: 23, user: "helsinki-december")).ToList());
        await GenerateAsync(month);
        var utcVersion = (await Reports.GetLatestAsync(month, default))!;

        var helsinki = await GenerateAsync(month, pipeline.Services(("ReportTimeZone", "Europe/Helsinki")));

        var helsinkiVersion = (await Reports.GetLatestAsync(month, default))!;
        Assert.Equal((2, true), (helsinki.Version, helsinki.NewVersion));
        Assert.Equal("Europe/Helsinki", helsinkiVersion.TimeZone);
        Assert.NotEqual(utcVersion.EventDigest, helsinkiVersion.EventDigest);
        Assert.Equal(2, (await SealsAsync(month)).Select(seal => seal.Scope).Distinct().Count());
        Assert.Equal(utcVersion.EventDigest, (await DigestsOfEvidenceAsync(utcVersion)).Digest);
        Assert.Equal(helsinkiVersion.EventDigest, (await DigestsOfEvidenceAsync(helsinkiVersion)).Digest);
    }

    private BlobReportStore Reports => pipeline.Services().GetRequiredService<BlobReportStore>();

    /// <summary>The month's seals and reports deleted, then generated again from the raw events alone.</summary>
    private async Task<(ReportRequestOutcome Outcome, Published Version)> RebuildAsync(Month month, IServiceProvider? services = null)
    {
        await DeleteAsync(DaySealStore.ContainerName, prefix: null);
        await DeleteAsync(BlobReportStore.ContainerName, prefix: $"{month}/");
        var outcome = await GenerateAsync(month, services);
        return (outcome, await LatestPublishedAsync(month));
    }

    /// <summary>What a rebuild must give again of the month's latest version: its digest, its evidence file's SHA-256 and its figures.</summary>
    private async Task<Published> LatestPublishedAsync(Month month)
    {
        var manifest = (await Reports.GetLatestAsync(month, default))!;
        return new Published(manifest.EventDigest, await Sha256Async(manifest, ReportFileNames.Evidence), Figures(await SummaryAsync(manifest)));
    }

    private sealed record Published(string EventDigest, string EvidenceSha256, string Figures);

    private async Task<ReportRequestOutcome> GenerateAsync(Month month, IServiceProvider? services = null)
    {
        pipeline.Clock.AdjustTime(new DateTimeOffset(2012, 6, 1, 0, 0, 0, TimeSpan.Zero));
        return await (services ?? pipeline.Services()).GetRequiredService<ReportGeneration>().ServeAsync(ReportRequest.For(month, "test"), default);
    }

    private Task StoreAsync(IReadOnlyList<AuditEvent> events) => pipeline.Services().GetRequiredService<TableEventStore>().AppendAsync(events, default);

    /// <summary>Three events a day on the days given, in working hours.</summary>
    private static List<AuditEvent> EventsOn(Month month, int[] days) =>
        days.SelectMany(day => Enumerable.Range(0, 3).Select(i => Event(month, day, hour: 9 + i, user: $"user{day}-{i}"))).ToList();

    private static AuditEvent Event(Month month, int day, int hour, string user, int minutes = 0) =>
        Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(PrivXSample.Item(100, month.StartUtc.AddDays(day - 1).AddHours(hour).AddMinutes(minutes), user)).Items)).Event;

    private async Task<List<DaySeal>> SealsAsync(Month month)
    {
        var container = pipeline.Storage.CreateBlobContainerClient(DaySealStore.ContainerName);
        var seals = new List<DaySeal>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions()))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal) && blob.Name.Contains($"/{month}/", StringComparison.Ordinal))
            {
                seals.Add(DaySeal.FromUtf8Json((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToMemory().Span));
            }
        }
        return seals;
    }

    private async Task DeleteAsync(string containerName, string? prefix)
    {
        var container = pipeline.Storage.CreateBlobContainerClient(containerName);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            await container.DeleteBlobAsync(blob.Name);
        }
    }

    private async Task<EventSetDigests> DigestsOfEvidenceAsync(ReportManifest manifest)
    {
        using var digest = new EventSetDigest(new ReportPeriod(Month.Parse(manifest.Month), ReportPeriod.FindTimeZone(manifest.TimeZone)));
        await using var file = await Reports.OpenFileAsync(manifest, ReportFileNames.Evidence, default);
        await foreach (var row in EvidenceCsv.ReadAsync(file, default))
        {
            digest.Add(row);
        }
        return digest.Complete();
    }

    private async Task<string> Sha256Async(ReportManifest manifest, string fileName)
    {
        await using var file = await Reports.OpenFileAsync(manifest, fileName, default);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
    }

    private async Task<ReportSummary> SummaryAsync(ReportManifest manifest)
    {
        await using var file = await Reports.OpenFileAsync(manifest, ReportFileNames.Summary, default);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        return ReportSummary.FromUtf8Json(copy.ToArray());
    }

    /// <summary>A summary's figures: what a version's number, times and change since the version before leave the same.</summary>
    private static string Figures(ReportSummary summary) =>
        System.Text.Encoding.UTF8.GetString((summary with { Version = 0, GeneratedAt = default, ReadAt = default, Changes = null }).ToUtf8Json());

    /// <summary>Counts requests to the event table (not its change markers), keeping the filter of each.</summary>
    private sealed class CountEventReads : HttpPipelinePolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> filters = new();

        public int Count => filters.Count;

        public IReadOnlyCollection<string> Filters => filters;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.Contains($"/{TableEventStore.TableName}(", StringComparison.Ordinal))
            {
                filters.Enqueue(Uri.UnescapeDataString(message.Request.Uri.Query));
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }
}
