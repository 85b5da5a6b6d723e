using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs.Specialized;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;

namespace ComplianceReports.Storage.Tests;

/// <summary>The report store on Azurite. The tests share one account, so each keeps to a month of its own.</summary>
public class PublishingReports(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly BlobReportStore store = new(storage.Clients);
    private readonly MonthLocks locks = new(storage.Clients);

    [Fact]
    public async Task A_published_version_is_listed_and_is_the_latest()
    {
        var month = new Month(2025, 1);

        var published = await PublishAsync(Manifest(month, 1), "v1");

        Assert.Equal(published, Assert.Single(await store.ListVersionsAsync(month, default)), ManifestComparer.Instance);
        Assert.Equal(published, await store.GetLatestAsync(month, default), ManifestComparer.Instance);
        Assert.Equal([ReportFileNames.Pdf, ReportFileNames.Summary], published.Files.Keys.Order());
    }

    [Fact]
    public async Task Versions_are_listed_in_numeric_order_and_the_highest_is_the_latest()
    {
        var month = new Month(2025, 2);
        foreach (var version in new[] { 2, 10, 1, 9 })
        {
            await PublishAsync(Manifest(month, version), $"v{version}");
        }

        Assert.Equal([1, 2, 9, 10], (await store.ListVersionsAsync(month, default)).Select(manifest => manifest.Version));
        Assert.Equal(10, (await store.GetLatestAsync(month, default))?.Version);
    }

    [Fact]
    public async Task A_month_without_reports_has_no_versions_and_no_latest()
    {
        var month = new Month(2025, 3);

        Assert.Empty(await store.ListVersionsAsync(month, default));
        Assert.Null(await store.GetLatestAsync(month, default));
    }

    [Fact]
    public async Task Versions_of_other_months_are_not_listed()
    {
        await PublishAsync(Manifest(new Month(2025, 4), 1), "april");
        await PublishAsync(Manifest(new Month(2025, 5), 1), "may");

        var april = Assert.Single(await store.ListVersionsAsync(new Month(2025, 4), default));
        Assert.Equal("2025-04", april.Month);
    }

    [Fact]
    public async Task Publishing_an_existing_version_fails_and_changes_no_byte()
    {
        var month = new Month(2025, 6);
        var first = await PublishAsync(Manifest(month, 1, eventCount: 10), "first");
        var before = await SnapshotAsync(month);

        await Assert.ThrowsAsync<ReportVersionConflictException>(() => PublishAsync(Manifest(month, 1, eventCount: 99), "second"));

        Assert.Equal(before, await SnapshotAsync(month));
        Assert.Equal(first, Assert.Single(await store.ListVersionsAsync(month, default)), ManifestComparer.Instance);
        Assert.Equal("first pdf", await ReadTextAsync(first, ReportFileNames.Pdf));
    }

    [Fact]
    public async Task Every_blob_of_a_publication_is_written_only_if_absent()
    {
        var month = new Month(2025, 11);
        var writes = new RecordingPolicy();
        var recorded = new StorageClientFactory(
            StorageConnection.FromConnectionString(storage.ConnectionString), options => options.AddPolicy(writes, HttpPipelinePosition.PerRetry));

        await PublishAsync(new BlobReportStore(recorded), Manifest(month, 1), "guarded");

        var puts = writes.Requests.Where(request => request.Method == RequestMethod.Put && request.Path.Contains($"/{BlobReportStore.ContainerName}/{month}/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, puts.Count);
        Assert.All(puts, put => Assert.Equal("*", put.IfNoneMatch));
        Assert.EndsWith($"/{month}/v1/{ReportFileNames.Manifest}", puts[^1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generator_whose_lease_is_broken_mid_publication_publishes_nothing_and_the_published_version_stays_intact()
    {
        var month = new Month(2025, 12);
        var first = await PublishAsync(Manifest(month, 1), "first");
        var before = await SnapshotAsync(month);
        var lockBlob = storage.Clients.CreateBlobContainerClient(MonthLocks.ContainerName).GetBlobClient($"{month}.lock");
        // Broken by someone else while the first file of version 2 is on its way.
        var breaker = new BeforeFirstUpload($"/{BlobReportStore.ContainerName}/{month}/v2/", () => lockBlob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero));
        var clients = new StorageClientFactory(
            StorageConnection.FromConnectionString(storage.ConnectionString), options => options.AddPolicy(breaker, HttpPipelinePosition.PerCall));

        var error = await Assert.ThrowsAsync<MonthLeaseLostException>(() => PublishAsync(new BlobReportStore(clients), new MonthLocks(clients), Manifest(month, 2), "second"));

        Assert.True(breaker.Ran);
        Assert.Contains(month.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(first, Assert.Single(await store.ListVersionsAsync(month, default)), ManifestComparer.Instance);
        var after = await SnapshotAsync(month);
        Assert.All(before, blob => Assert.Equal(blob.Value, after[blob.Key]));
        Assert.DoesNotContain(after.Keys, name => name.StartsWith($"{month}/v2/{ReportFileNames.Manifest}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_version_whose_manifest_was_never_written_is_invisible()
    {
        var month = new Month(2025, 7);
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{month}/v1/0123456789abcdef/{ReportFileNames.Pdf}").UploadAsync(BinaryData.FromString("half a version"));
        await container.GetBlobClient($"{month}/v1/0123456789abcdef/{ReportFileNames.Summary}").UploadAsync(BinaryData.FromString("half a version"));

        Assert.Empty(await store.ListVersionsAsync(month, default));
        Assert.Null(await store.GetLatestAsync(month, default));
    }

    [Fact]
    public async Task Files_left_over_by_a_writer_that_died_neither_block_publishing_that_version_nor_are_read_as_it()
    {
        var month = new Month(2025, 8);
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{month}/v1/0123456789abcdef/{ReportFileNames.Pdf}").UploadAsync(BinaryData.FromString("left over"));

        var manifest = await PublishAsync(Manifest(month, 1), "complete");

        Assert.Equal("complete pdf", await ReadTextAsync(manifest, ReportFileNames.Pdf));
    }

    [Fact]
    public async Task A_published_file_reads_back_byte_for_byte()
    {
        var month = new Month(2025, 9);
        var pdf = new byte[300_000];
        new Random(7).NextBytes(pdf);
        await using (var lease = await locks.AcquireAsync(month, TimeSpan.Zero, default))
        {
            await store.PublishAsync(Manifest(month, 1), [new(ReportFileNames.Pdf, new MemoryStream(pdf)), new(ReportFileNames.Summary, new MemoryStream("{}"u8.ToArray()))], lease, default);
        }

        var latest = await store.GetLatestAsync(month, default);
        await using var stream = await store.OpenFileAsync(latest!, ReportFileNames.Pdf, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Fact]
    public async Task Published_files_carry_their_content_types()
    {
        var month = new Month(2025, 10);
        var manifest = await PublishAsync(Manifest(month, 1), "typed");
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);

        Assert.Equal("application/pdf", (await container.GetBlobClient(manifest.Files[ReportFileNames.Pdf]).GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("application/json", (await container.GetBlobClient(manifest.Files[ReportFileNames.Summary]).GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("application/json", (await container.GetBlobClient($"{month}/v1/{ReportFileNames.Manifest}").GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task The_manifest_is_schema_2_json_naming_each_file_under_the_attempt_that_wrote_it()
    {
        var month = new Month(2029, 1);
        var published = await PublishAsync(Manifest(month, 1), "shape");
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);

        using var json = JsonDocument.Parse((await container.GetBlobClient($"{month}/v1/{ReportFileNames.Manifest}").DownloadContentAsync()).Value.Content.ToMemory());
        var root = json.RootElement;

        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(
            ["countsByCategory", "eventCount", "eventDigest", "files", "generatedAt", "markerSequences", "month", "readAt", "schemaVersion", "services", "timeZone", "version"],
            root.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal(7, root.GetProperty("markerSequences").GetProperty("2029-01").GetInt64());
        var pdf = root.GetProperty("files").GetProperty(ReportFileNames.Pdf).GetString();
        Assert.Matches($@"^{month}/v1/[0-9a-f]{{16}}/report\.pdf$", pdf);
        Assert.Equal(published.Files[ReportFileNames.Summary].Replace(ReportFileNames.Summary, ReportFileNames.Pdf, StringComparison.Ordinal), pdf);
    }

    [Fact]
    public async Task A_version_published_before_schema_2_is_still_listed_and_read()
    {
        var month = new Month(2029, 2);
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{month}/v1/{ReportFileNames.Pdf}").UploadAsync(BinaryData.FromString("old pdf"));
        await container.GetBlobClient($"{month}/v1/{ReportFileNames.Manifest}").UploadAsync(BinaryData.FromString(
            $$"""{"month":"{{month}}","version":1,"eventCount":3,"eventDigest":"sha256:00","generatedAt":"2029-03-01T02:00:00+00:00","files":["report.pdf"],"timeZone":"UTC","cutoff":"2029-03-01T01:59:00+00:00"}"""));

        var old = Assert.Single(await store.ListVersionsAsync(month, default));

        Assert.Equal((1, 3L, new DateTimeOffset(2029, 3, 1, 1, 59, 0, TimeSpan.Zero)), (old.SchemaVersion, old.EventCount, old.ReadAt));
        Assert.Empty(old.MarkerSequences);
        Assert.Equal("old pdf", await ReadTextAsync(old, ReportFileNames.Pdf));
    }

    [Theory]
    [InlineData(1, "notes.txt")]
    [InlineData(2, ReportFileNames.Manifest)]
    [InlineData(3, "../v2/report.pdf")]
    public async Task A_file_the_manifest_does_not_name_is_refused(int monthNumber, string fileName)
    {
        var month = new Month(2030, monthNumber);
        var manifest = await PublishAsync(Manifest(month, 1), "named");
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);
        await container.GetBlobClient($"{month}/v1/notes.txt").UploadAsync(BinaryData.FromString("not part of the report"), overwrite: true);

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenFileAsync(manifest, fileName, default));
    }

    private static ReportManifest Manifest(Month month, int version, long eventCount = 42) => new(
        ReportManifest.CurrentSchemaVersion, month.ToString(), version, eventCount, $"sha256:{version:x64}",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddMinutes(version), new Dictionary<string, string>(),
        "Europe/Helsinki", new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero).AddMinutes(version),
        new Dictionary<string, long> { [month.ToString()] = 7 }, new Dictionary<string, long> { ["logins"] = eventCount }, ["auth", "role-store"]);

    private Task<ReportManifest> PublishAsync(ReportManifest manifest, string tag) => PublishAsync(store, locks, manifest, tag);

    private Task<ReportManifest> PublishAsync(BlobReportStore into, ReportManifest manifest, string tag) => PublishAsync(into, locks, manifest, tag);

    private static async Task<ReportManifest> PublishAsync(BlobReportStore into, MonthLocks lockedBy, ReportManifest manifest, string tag)
    {
        await using var lease = await lockedBy.AcquireAsync(Month.Parse(manifest.Month), TimeSpan.FromSeconds(30), default);
        return await into.PublishAsync(
            manifest,
            [new(ReportFileNames.Pdf, new MemoryStream(BinaryData.FromString($"{tag} pdf").ToArray())), new(ReportFileNames.Summary, new MemoryStream(BinaryData.FromString($"{tag} summary").ToArray()))],
            lease,
            default);
    }

    private async Task<string> ReadTextAsync(ReportManifest manifest, string fileName)
    {
        await using var stream = await store.OpenFileAsync(manifest, fileName, default);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private Task<Dictionary<string, string>> SnapshotAsync(Month month) =>
        BlobSnapshot.TakeAsync(storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName), $"{month}/");

    /// <summary>Manifests are equal when every field is, the maps and lists by content.</summary>
    private sealed class ManifestComparer : IEqualityComparer<ReportManifest?>
    {
        public static readonly ManifestComparer Instance = new();

        public bool Equals(ReportManifest? x, ReportManifest? y) =>
            x is not null && y is not null && x.ToUtf8Json().AsSpan().SequenceEqual(y.ToUtf8Json());

        public int GetHashCode(ReportManifest? obj) => 0;
    }

    private sealed record RecordedRequest(RequestMethod Method, string Path, string? IfNoneMatch);

    private sealed class RecordingPolicy : HttpPipelineSynchronousPolicy
    {
        public List<RecordedRequest> Requests { get; } = [];

        public override void OnSendingRequest(HttpMessage message)
        {
            message.Request.Headers.TryGetValue("If-None-Match", out var ifNoneMatch);
            lock (Requests)
            {
                Requests.Add(new(message.Request.Method, message.Request.Uri.Path, ifNoneMatch));
            }
        }
    }
}
