using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Delivery;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>Reviewers' sign-off through the real `compliance` program and the local host's HTTP functions: recorded, listed, verified.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class SigningOffReports(LocalFunctionsHostFixture host) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-reviews-");
    private readonly HttpClient http = new() { BaseAddress = host.HttpBaseAddress };
    private readonly PipelineClient pipeline = new(host.Storage);

    [Fact]
    public async Task A_review_recorded_by_the_cli_and_by_http_shows_in_the_list_and_verifies_and_a_tampered_one_fails_verify()
    {
        var month = new Month(2007, 3);
        await pipeline.SendEnvelopeAsync("reviews-2007-03", [PrivXSample.Item(100, month.StartUtc.AddDays(3)), PrivXSample.Item(1006, month.StartUtc.AddDays(4))]);
        var manifest = await pipeline.GenerateAsync(month);
        var v = manifest.Version;

        // Independent steps run side by side: each run of the program starts a process.
        var recording = RunAsync("report", "review", "--month", "2007-03", "--version", $"{v}", "--reviewer", "Alice Auditor",
            "--note", "checked logins and integrity", "--exception", "1006 on the 5th: trail file restored from backup");
        using var byBody = await http.PostAsJsonAsync($"api/reports/2007-03/versions/{v}/reviews", new { reviewer = "Bob Reviewer", exceptions = Array.Empty<string>() });
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"api/reports/2007-03/versions/{v}/reviews") { Content = JsonContent.Create(new { reviewer = "Carol Local" }) };
        forged.Headers.Add(Caller.PrincipalHeader, Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"claims":[{"typ":"name","val":"mallory@example.com"}]}""")));
        using var byForgedHeader = await http.SendAsync(forged);
        var cli = await recording;

        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Matches($@"^recorded review \S+: Alice Auditor reviewed 2007-03 version {v} \(digest {manifest.EventDigest[..12]}\) at .+ UTC, 1 exception$", cli.Output);
        Assert.Equal(HttpStatusCode.Created, byBody.StatusCode);
        Assert.Equal($"/api/reports/2007-03/versions/{v}/reviews", byBody.Headers.Location?.OriginalString);
        using var bodyJson = JsonDocument.Parse(await byBody.Content.ReadAsStringAsync());
        Assert.Equal(("Bob Reviewer", manifest.EventDigest, "http"),
            (bodyJson.RootElement.GetProperty("reviewer").GetString(), bodyJson.RootElement.GetProperty("eventDigest").GetString(), bodyJson.RootElement.GetProperty("recordedVia").GetString()));
        // Nobody signs in locally and any client can write a principal header: the body names the reviewer.
        Assert.Equal(HttpStatusCode.Created, byForgedHeader.StatusCode);
        using var forgedJson = JsonDocument.Parse(await byForgedHeader.Content.ReadAsStringAsync());
        Assert.Equal("Carol Local", forgedJson.RootElement.GetProperty("reviewer").GetString());

        var list = RunAsync("report", "list");
        var reviews = RunAsync("report", "reviews", "--month", "2007-03");
        var status = RunAsync("status");
        var overHttp = http.GetStringAsync($"api/reports/2007-03/versions/{v}/reviews");
        var page = PageAsync();
        var download = RunAsync("report", "download", "--month", "2007-03", "--version", $"{v}", "--out", "signed-off");
        await Task.WhenAll(list, reviews, status, overHttp, page, download);

        using var listed = JsonDocument.Parse(await overHttp);
        var recorded = listed.RootElement.GetProperty("reviews").EnumerateArray().Select(r => (Reviewer: r.GetProperty("reviewer").GetString()!, At: r.GetProperty("reviewedAt").GetDateTimeOffset())).ToList();
        Assert.Equal(["Alice Auditor", "Bob Reviewer", "Carol Local"], recorded.Select(r => r.Reviewer).Order(StringComparer.Ordinal));
        // The CLI and HTTP recorded side by side: the latest is whichever signed off last.
        var latest = Regex.Escape(recorded.MaxBy(r => r.At).Reviewer);
        var row = Assert.Single(Lines((await list).Output), line => line.StartsWith($"2007-03 ", StringComparison.Ordinal) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == $"{v}");
        Assert.Matches($@"  {latest} \d{{4}}-\d\d-\d\d \(\+2\)  {manifest.EventDigest[..12]}$", row);
        var reviewLines = Lines((await reviews).Output);
        Assert.Contains(reviewLines, line => Regex.IsMatch(line, $@"^2007-03 version {v}: reviewed by Alice Auditor at .+ UTC via cli, 1 exception \(review \S+, digest {manifest.EventDigest[..12]}\)$"));
        Assert.Contains("  note: checked logins and integrity", reviewLines);
        Assert.Contains("  exception: 1006 on the 5th: trail file restored from backup", reviewLines);
        Assert.Contains(reviewLines, line => line.StartsWith($"2007-03 version {v}: reviewed by Bob Reviewer at ", StringComparison.Ordinal) && line.Contains(" via http, no exceptions ", StringComparison.Ordinal));
        Assert.Contains(Lines((await status).Output), line => Regex.IsMatch(line, $@"^  2007-03  .*, reviewed by {latest} \d{{4}}-\d\d-\d\d \d\d:\d\d UTC$"));
        var item = Assert.Single((await page).Split('\n'), line => line.Contains($"2007-03 version {v} (PDF)", StringComparison.Ordinal));
        Assert.Contains("; reviewed by ", item, StringComparison.Ordinal);
        Assert.All(recorded, r => Assert.Contains($"{r.Reviewer} on {r.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC", item, StringComparison.Ordinal));

        Assert.EndsWith($"({manifest.EventCount} events, 3 signed reviews) to {Path.Combine(work.FullName, "signed-off")}", (await download).Output, StringComparison.Ordinal);
        var copy = Directory.CreateDirectory(Path.Combine(work.FullName, "tampered", ReportFileNames.ReviewsFolder)).Parent!;
        foreach (var file in Directory.GetFiles(Path.Combine(work.FullName, "signed-off"), "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(copy.FullName, Path.GetRelativePath(Path.Combine(work.FullName, "signed-off"), file)));
        }
        var alice = Directory.GetFiles(Path.Combine(copy.FullName, ReportFileNames.ReviewsFolder), "*.json").Single(file => File.ReadAllText(file).Contains("Alice Auditor", StringComparison.Ordinal));
        await File.WriteAllTextAsync(alice, (await File.ReadAllTextAsync(alice)).Replace("1006 on the 5th", "nothing found", StringComparison.Ordinal));
        var verifying = RunAsync("verify", "signed-off");
        var tampered = await RunAsync("verify", "tampered");
        var verify = await verifying;

        Assert.True(verify.ExitCode == 0, verify.Output);
        var verified = Lines(verify.Output).Where(line => line.StartsWith("review ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, verified.Count);
        Assert.All(verified, line => Assert.EndsWith("; signed by the deployment's certificate, for this version's evidence digest", line, StringComparison.Ordinal));
        Assert.Contains(verified, line => line.Contains($": Alice Auditor reviewed 2007-03 version {v} at ", StringComparison.Ordinal) && line.Contains(" UTC, 1 exception;", StringComparison.Ordinal));
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains($"review {Path.GetFileNameWithoutExtension(alice)}: the record was changed after signing (signed by CN=", tampered.Output, StringComparison.Ordinal);
        Assert.Equal(2, Lines(tampered.Output).Count(line => line.EndsWith("for this version's evidence digest", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_review_of_a_superseded_version_names_that_version_and_leaves_the_newer_one_unreviewed()
    {
        var month = new Month(2007, 4);
        await pipeline.SendEnvelopeAsync("reviews-2007-04-1", [PrivXSample.Item(100, month.StartUtc.AddDays(3))]);
        var older = await pipeline.GenerateAsync(month);
        await pipeline.SendEnvelopeAsync("reviews-2007-04-2", [PrivXSample.Item(102, month.StartUtc.AddDays(5))]);
        await pipeline.GenerateAsync(month);
        var latest = (await pipeline.Reports.ListVersionsAsync(month, default))[^1].Version;
        var (a, b) = (older.Version, latest);

        var refusing = RunAsync("report", "review", "--month", "2007-04", "--reviewer", " ");
        var review = await RunAsync("report", "review", "--month", "2007-04", "--version", $"{a}", "--reviewer", "Erin");
        var blank = await refusing;
        var reviews = RunAsync("report", "reviews", "--month", "2007-04");
        var list = RunAsync("report", "list");
        var overHttp = http.GetStringAsync($"api/reports/2007-04/versions/{a}/reviews");
        await Task.WhenAll(reviews, list, overHttp);

        Assert.Equal((1, "compliance: the reviewer is empty"), (blank.ExitCode, blank.Error));
        Assert.True(review.ExitCode == 0, review.Error);
        Assert.Contains($": Erin reviewed 2007-04 version {a} (digest {older.EventDigest[..12]})", review.Output, StringComparison.Ordinal);
        Assert.EndsWith($"; version {a} is superseded by version {b}, and this review is of version {a} only", review.Output, StringComparison.Ordinal);
        var reviewLines = Lines((await reviews).Output);
        Assert.Contains(reviewLines, line => line.StartsWith($"2007-04 version {a} (superseded by version {b}): reviewed by Erin at ", StringComparison.Ordinal));
        Assert.Contains($"2007-04 version {b}: not reviewed", reviewLines);
        var rows = Lines((await list).Output).Where(line => line.StartsWith("2007-04 ", StringComparison.Ordinal)).ToDictionary(line => int.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Matches(@"  Erin \d{4}-\d\d-\d\d  ", rows[a]);
        Assert.Matches(@"  -\s+[0-9a-f]{12}$", rows[b]);
        using var listed = JsonDocument.Parse(await overHttp);
        var only = Assert.Single(listed.RootElement.GetProperty("reviews").EnumerateArray());
        Assert.Equal((a, b, older.EventDigest), (only.GetProperty("version").GetInt32(), only.GetProperty("supersededBy").GetInt32(), only.GetProperty("eventDigest").GetString()));
    }

    [Fact]
    public async Task A_review_of_a_version_that_does_not_exist_or_without_a_reviewer_is_refused_in_one_line()
    {
        var refusing = RunAsync("report", "review", "--month", "2007-05", "--reviewer", "Frank");
        using var overHttp = await http.PostAsJsonAsync("api/reports/2007-05/versions/1/reviews", new { reviewer = "Frank" });
        using var nobody = await http.PostAsJsonAsync("api/reports/2007-05/versions/1/reviews", new { note = "who am I" });
        var noVersion = await refusing;

        Assert.Equal((1, "compliance: there is no report for 2007-05: ask for one with 'compliance report generate --month 2007-05'"), (noVersion.ExitCode, noVersion.Error));
        Assert.Equal(HttpStatusCode.NotFound, overHttp.StatusCode);
        Assert.Equal("""{"error":"There is no version 1 of the 2007-05 report to review."}""", await overHttp.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Equal("""{"error":"The reviewer is empty."}""", await nobody.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        http.Dispose();
        work.Delete(recursive: true);
    }

    private async Task<string> PageAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Lines(string output) => output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CommandLine.RunAsync(host.ConnectionString, work.FullName, arguments);
}
