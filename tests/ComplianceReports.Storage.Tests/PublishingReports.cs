using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Storage.Tests;

/// <summary>The report store on Azurite. The tests share one account, so each keeps to a month of its own.</summary>
public class PublishingReports(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly BlobReportStore store = new(storage.Clients);

    [Fact]
    public async Task A_published_version_is_listed_and_is_the_latest()
    {
        var month = new Month(2025, 1);
        var manifest = Manifest(month, 1);

        await store.PublishAsync(manifest, Files("v1"), default);

        AssertSame(manifest, Assert.Single(await store.ListVersionsAsync(month, default)));
        AssertSame(manifest, await store.GetLatestAsync(month, default));
    }

    [Fact]
    public async Task Versions_are_listed_in_numeric_order_and_the_highest_is_the_latest()
    {
        var month = new Month(2025, 2);
        foreach (var version in new[] { 2, 10, 1, 9 })
        {
            await store.PublishAsync(Manifest(month, version), Files($"v{version}"), default);
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
        await store.PublishAsync(Manifest(new Month(2025, 4), 1), Files("april"), default);
        await store.PublishAsync(Manifest(new Month(2025, 5), 1), Files("may"), default);

        var april = Assert.Single(await store.ListVersionsAsync(new Month(2025, 4), default));
        Assert.Equal("2025-04", april.Month);
    }

    [Fact]
    public async Task Publishing_a_version_again_fails_and_leaves_the_first_publication_untouched()
    {
        var month = new Month(2025, 6);
        var first = Manifest(month, 1, eventCount: 10);
        await store.PublishAsync(first, Files("first"), default);

        var second = Manifest(month, 1, eventCount: 99);
        await Assert.ThrowsAsync<ReportVersionConflictException>(() => store.PublishAsync(second, Files("second"), default));

        var listed = Assert.Single(await store.ListVersionsAsync(month, default));
        AssertSame(first, listed);
        Assert.Equal("first pdf", await ReadTextAsync(listed, ReportFileNames.Pdf));
        Assert.Equal("first summary", await ReadTextAsync(listed, ReportFileNames.Summary));
    }

    [Fact]
    public async Task A_version_whose_manifest_was_never_written_is_invisible()
    {
        var month = new Month(2025, 7);
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{month}/v1/{ReportFileNames.Pdf}").UploadAsync(BinaryData.FromString("half a version"));
        await container.GetBlobClient($"{month}/v1/{ReportFileNames.Summary}").UploadAsync(BinaryData.FromString("half a version"));

        Assert.Empty(await store.ListVersionsAsync(month, default));
        Assert.Null(await store.GetLatestAsync(month, default));
    }

    [Fact]
    public async Task Files_left_over_by_a_writer_that_died_do_not_block_publishing_that_version()
    {
        var month = new Month(2025, 8);
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{month}/v1/{ReportFileNames.Pdf}").UploadAsync(BinaryData.FromString("left over"));

        var manifest = Manifest(month, 1);
        await store.PublishAsync(manifest, Files("complete"), default);

        Assert.Equal("complete pdf", await ReadTextAsync(manifest, ReportFileNames.Pdf));
    }

    [Fact]
    public async Task A_published_file_reads_back_byte_for_byte()
    {
        var month = new Month(2025, 9);
        var pdf = new byte[300_000];
        new Random(7).NextBytes(pdf);
        var manifest = Manifest(month, 1);

        await store.PublishAsync(manifest, new Dictionary<string, BinaryData>
        {
            [ReportFileNames.Pdf] = new(pdf),
            [ReportFileNames.Summary] = BinaryData.FromString("{}"),
        }, default);

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
        await store.PublishAsync(Manifest(month, 1), Files("typed"), default);
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);

        Assert.Equal("application/pdf", (await container.GetBlobClient($"{month}/v1/{ReportFileNames.Pdf}").GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("application/json", (await container.GetBlobClient($"{month}/v1/{ReportFileNames.Summary}").GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("application/json", (await container.GetBlobClient($"{month}/v1/{ReportFileNames.Manifest}").GetPropertiesAsync()).Value.ContentType);
    }

    [Theory]
    [InlineData(1, "notes.txt")]
    [InlineData(2, ReportFileNames.Manifest)]
    [InlineData(3, "../v2/report.pdf")]
    public async Task A_file_the_manifest_does_not_name_is_refused(int monthNumber, string fileName)
    {
        var month = new Month(2030, monthNumber);
        var manifest = Manifest(month, 1);
        await store.PublishAsync(manifest, Files("named"), default);
        var container = storage.Clients.CreateBlobContainerClient(BlobReportStore.ContainerName);
        await container.GetBlobClient($"{month}/v1/notes.txt").UploadAsync(BinaryData.FromString("not part of the report"), overwrite: true);

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenFileAsync(manifest, fileName, default));
    }

    private static ReportManifest Manifest(Month month, int version, long eventCount = 42) => new(
        month.ToString(), version, eventCount, $"sha256:{version:x64}",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddMinutes(version), [ReportFileNames.Pdf, ReportFileNames.Summary],
        "Europe/Helsinki", new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero).AddMinutes(version));

    private static Dictionary<string, BinaryData> Files(string tag) => new()
    {
        [ReportFileNames.Pdf] = BinaryData.FromString($"{tag} pdf"),
        [ReportFileNames.Summary] = BinaryData.FromString($"{tag} summary"),
    };

    private async Task<string> ReadTextAsync(ReportManifest manifest, string fileName)
    {
        await using var stream = await store.OpenFileAsync(manifest, fileName, default);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static readonly string[] NoFiles = [];

    private static void AssertSame(ReportManifest expected, ReportManifest? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Files = NoFiles }, actual with { Files = NoFiles });
        Assert.Equal(expected.Files, actual.Files);
    }
}
