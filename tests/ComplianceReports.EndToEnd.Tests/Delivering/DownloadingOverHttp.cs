using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>Reports over HTTP, as the local host serves the Functions app's HTTP functions.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class DownloadingOverHttp(LocalFunctionsHostFixture host) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.HttpBaseAddress };

    private PipelineClient Pipeline => new(host.Storage);

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Each_file_of_a_version_streams_with_its_type_and_download_name()
    {
        var month = new Month(2021, 1);
        var manifest = await ReportWithEventsAsync(month, "http-jan-1", 3);
        var v = manifest.Version;

        using var latest = await http.GetAsync("api/reports/2021-01");
        var latestManifest = (await Pipeline.Reports.ListVersionsAsync(month, default))[^1];
        using var pdf = await http.GetAsync($"api/reports/2021-01/versions/{v}");
        using var summary = await http.GetAsync($"api/reports/2021-01/versions/{v}/summary");
        using var evidence = await http.GetAsync($"api/reports/2021-01/versions/{v}/evidence");

        foreach (var (response, expected) in new[] { (latest, latestManifest), (pdf, manifest) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"compliance-report-2021-01-v{expected.Version}.pdf", response.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal(await Pipeline.ReadAsync(expected, ReportFileNames.Pdf), await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal("application/json", summary.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await Pipeline.ReadAsync(manifest, ReportFileNames.Summary), await summary.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
        Assert.Equal("application/gzip", evidence.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"compliance-report-2021-01-v{v}-evidence.csv.gz", evidence.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(await Pipeline.ReadAsync(manifest, ReportFileNames.Evidence), await evidence.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_list_gives_months_versions_event_counts_and_digests_as_json()
    {
        var manifest = await ReportWithEventsAsync(new Month(2021, 2), "http-feb-1", 2);

        using var response = await http.GetAsync("api/reports");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var february = json.RootElement.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("month").GetString() == "2021-02");
        var version = february.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == manifest.Version);
        Assert.Equal(
            (manifest.Version, 2L, manifest.EventDigest, $"/api/reports/2021-02/versions/{manifest.Version}"),
            (version.GetProperty("version").GetInt32(), version.GetProperty("eventCount").GetInt64(), version.GetProperty("eventDigest").GetString(),
                version.GetProperty("links").GetProperty("pdf").GetString()));
    }

    [Fact]
    public async Task A_browser_gets_an_html_page_with_a_relative_link_per_version()
    {
        var month = new Month(2021, 3);
        await ReportWithEventsAsync(month, "http-mar-1", 2);
        await Pipeline.SendEnvelopeAsync("http-mar-2", Events(month, 2, 5));
        var newest = await Pipeline.GenerateAsync(month);
        var versions = await Pipeline.Reports.ListVersionsAsync(month, default);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await http.SendAsync(request);
        var page = ParseHtml(await response.Content.ReadAsStringAsync());
        var links = page.Descendants("a").Select(a => (string)a.Attribute("href")!).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Compliance reports: Example Bank plc", page.Descendants("title").Single().Value);
        Assert.True(versions.Count >= 2);
        Assert.All(versions, manifest =>
        {
            Assert.Contains($"reports/2021-03/versions/{manifest.Version}", links);
            Assert.Contains($"reports/2021-03/versions/{manifest.Version}/summary", links);
            Assert.Contains($"reports/2021-03/versions/{manifest.Version}/evidence", links);
        });
        Assert.All(links, link => Assert.False(link.StartsWith('/') || link.Contains("code=", StringComparison.Ordinal), link));
        using var followed = await http.GetAsync(new Uri(new Uri(http.BaseAddress!, "api/reports"), $"reports/2021-03/versions/{newest.Version}"));
        Assert.Equal($"compliance-report-2021-03-v{newest.Version}.pdf", followed.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public void The_html_page_encodes_every_text()
    {
        var manifest = new ReportManifest(
            ReportManifest.CurrentSchemaVersion, "2021-04", 1, 5, "<digest>&", DateTimeOffset.UnixEpoch,
            new Dictionary<string, string> { [ReportFileNames.Pdf] = "2021-04/v1/0/report.pdf" }, "UTC", DateTimeOffset.UnixEpoch,
            new Dictionary<string, long>(), new Dictionary<string, long>(), []);

        var review = new ReportReview(
            ReportReview.CurrentSchemaVersion, "r1", "2021-04", 1, "<digest>&", "<b>Eve</b>", DateTimeOffset.UnixEpoch, null, [], ReviewRequest.ViaHttp);

        var page = ParseHtml(ReportListPage.Render("<script>alert(\"x\")</script> & Co", [manifest], new[] { review }.ToLookup(r => (r.Month, r.Version))));

        Assert.Equal("Compliance reports: <script>alert(\"x\")</script> & Co", page.Descendants("title").Single().Value);
        Assert.Empty(page.Descendants("script"));
        Assert.Empty(page.Descendants("b"));
        Assert.Contains("digest <digest>&", page.Descendants("li").Single().Value, StringComparison.Ordinal);
        Assert.Contains("reviewed by <b>Eve</b> on 1970-01-01 00:00 UTC", page.Descendants("li").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_a_month_accepts_the_request_and_its_location_gives_the_outcome()
    {
        await Pipeline.SendEnvelopeAsync("http-may-1", Events(new Month(2021, 5), 0, 4));

        using var posted = await http.PostAsync("api/reports/2021-05", content: null);
        var location = posted.Headers.Location;
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.NotNull(location);
        Assert.StartsWith("/api/reports/2021-05/requests/", location.OriginalString, StringComparison.Ordinal);
        var outcome = await Eventually.ReturnsAsync("the outcome over HTTP", async () =>
        {
            using var polled = await http.GetAsync(location);
            Assert.True(polled.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, polled.StatusCode.ToString());
            return polled.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await polled.Content.ReadAsStringAsync()) : null;
        }, TimeSpan.FromMinutes(3));

        using (outcome)
        {
            // The timer may have made a version of the month first; the request then gets that same version.
            var version = outcome.RootElement.GetProperty("version").GetInt32();
            Assert.Equal(4L, outcome.RootElement.GetProperty("eventCount").GetInt64());
            Assert.Contains(await Pipeline.Reports.ListVersionsAsync(new Month(2021, 5), default), manifest => manifest.Version == version && manifest.EventCount == 4);
            using var pdf = await http.GetAsync(outcome.RootElement.GetProperty("links").GetProperty("pdf").GetString());
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal($"compliance-report-2021-05-v{version}.pdf", pdf.Content.Headers.ContentDisposition?.FileName);
        }
    }

    [Theory]
    [InlineData("api/reports/2026-13")]
    [InlineData("api/reports/2026-1")]
    [InlineData("api/reports/abc")]
    [InlineData("api/reports/2026-10x")]
    [InlineData("api/reports/2026-13/versions/1")]
    [InlineData("api/reports/abc/versions/1/summary")]
    [InlineData("api/reports/2026-1/versions/1/evidence")]
    [InlineData("api/reports/2026-10/versions/0")]
    [InlineData("api/reports/2026-10/versions/-1")]
    [InlineData("api/reports/2026-10/versions/x")]
    [InlineData("api/reports/2026-10/versions/0/summary")]
    [InlineData("api/reports/2026-10/versions/x/evidence")]
    [InlineData("api/reports/2026-10x/requests/0123456789abcdef0123456789abcdef")]
    [InlineData("api/reports/2026-10/requests/not_a_request")]
    public async Task A_bad_month_version_or_request_id_is_a_400_with_a_one_line_error(string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain('\n', body);
        using var json = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("abc")]
    public async Task Posting_a_bad_month_is_a_400_and_asks_for_nothing(string month)
    {
        using var response = await http.PostAsync($"api/reports/{month}", content: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task An_unknown_month_or_version_is_a_404()
    {
        await ReportWithEventsAsync(new Month(2021, 6), "http-jun-1", 1);

        using var unknownMonth = await http.GetAsync("api/reports/2019-01");
        using var unknownMonthVersion = await http.GetAsync("api/reports/2019-01/versions/1");
        using var unknownVersion = await http.GetAsync("api/reports/2021-06/versions/99");
        using var unknownSummary = await http.GetAsync("api/reports/2021-06/versions/100/summary");

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [unknownMonth.StatusCode, unknownMonthVersion.StatusCode, unknownVersion.StatusCode, unknownSummary.StatusCode]);
        Assert.Equal("application/json", unknownVersion.Content.Headers.ContentType?.MediaType);
    }

    private async Task<ReportManifest> ReportWithEventsAsync(Month month, string batchId, int count)
    {
        await Pipeline.SendEnvelopeAsync(batchId, Events(month, 0, count));
        return await Pipeline.GenerateAsync(month);
    }

    private static IEnumerable<string> Events(Month month, int first, int count) =>
        Enumerable.Range(first, count).Select(i => PrivXSample.Item(100, month.StartUtc.AddDays(2).AddHours(i), $"user{i}")).ToList();

    private static XDocument ParseHtml(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
