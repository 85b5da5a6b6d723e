using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// README's walkthrough, step by step, on the sample it names, through the real `compliance` program
/// and the local host. Each output line README shows is held both ways: it must still be in README, and
/// the program must still print it (README's "…" standing for what differs from run to run).
/// </summary>
public sealed class FollowingTheWalkthrough(FollowingTheWalkthrough.QuietTimerHost host) : IClassFixture<FollowingTheWalkthrough.QuietTimerHost>, IDisposable
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "README.md"));

    /// <summary>README's prose, its line breaks as spaces.</summary>
    private static readonly string ReadmeText = Regex.Replace(Readme, @"\s+", " ");

    private const string NoStorage =
        "DefaultEndpointsProtocol=http;AccountName=x;AccountKey=eA==;BlobEndpoint=http://127.0.0.1:1/x;QueueEndpoint=http://127.0.0.1:1/x;TableEndpoint=http://127.0.0.1:1/x";

    private static readonly string Sample = Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "samples", "privx-events-2026-10.json");

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-walkthrough-");

    [Fact]
    public async Task The_walkthrough_on_the_sample_prints_what_readme_shows()
    {
        var send = await RunAsync("send", Sample, "--wait");
        AssertPrints(send, "sent 24 events in 1 messages: stored 24, duplicates 0, quarantined 0");

        var generate = await RunAsync("report", "generate", "--month", "2026-10");
        AssertPrints(generate, "report 2026-10 version 1: 24 events (new version)");

        var download = await RunAsync("report", "download", "--month", "2026-10", "--out", "reports/2026-10");
        AssertPrints(download, "downloaded report 2026-10 version 1 (24 events) to …/reports/2026-10");
        var directory = Path.Combine(work.FullName, "reports", "2026-10");
        Assert.Equal(["evidence.csv.gz", "report.pdf", "summary.json"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var verify = await RunAsync("verify", "reports/2026-10");
        AssertPrints(verify,
            "signature: signature intact, signed by CN=… at …",
            "signer: trusted: signed by CN=…, the deployment's certificate (SHA-256 thumbprint …)",
            "claim: 2026-10 (UTC), version 1, 24 events, evidence digest …, generated …",
            "summary.json: matches the signed claim",
            "evidence.csv.gz: 24 events; every identity, facts hash, day digest and the evidence digest match the signed claim",
            "manifest: matches the signed claim",
            "store: every listed event is in the event store, unchanged (24 events)");

        var export = await RunAsync("signing-certificate", "--out", "signing.pem");
        Assert.Equal(0, export.ExitCode);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(Path.Combine(work.FullName, "signing.pem")));

        // "The same checks from the files alone": storage that cannot be reached shows none is needed.
        var offline = await CommandLine.RunAsync(NoStorage, work.FullName, "verify", "--offline", "reports/2026-10", "--trust", "signing.pem");
        Assert.True(offline.ExitCode == 0, offline.Output + offline.Error);
        Assert.Equal(
            Lines(verify.Output).Where(line => !line.StartsWith("signer:", StringComparison.Ordinal) && !line.StartsWith("manifest:", StringComparison.Ordinal) && !line.StartsWith("store:", StringComparison.Ordinal)),
            Lines(offline.Output).Where(line => !line.StartsWith("signer:", StringComparison.Ordinal)));
        Assert.Single(Lines(offline.Output), line => line.StartsWith("signer: trusted: ", StringComparison.Ordinal));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "summary.json")));
        var digest = summary.RootElement.GetProperty("eventDigest").GetString()!;
        var list = await RunAsync("report", "list");
        Assert.Contains("`report list` prints a table of every month's versions: `MONTH VERSION EVENTS GENERATED AT (UTC) REVIEWED DIGEST`", ReadmeText);
        Assert.Equal(0, list.ExitCode);
        Assert.Collection(Lines(list.Output),
            header => Assert.Equal("MONTH VERSION EVENTS GENERATED AT (UTC) REVIEWED DIGEST", Regex.Replace(header, @"\s+", " ")),
            row => Assert.Matches($@"^2026-10\s+1\s+24  \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d  -\s+{digest[..12]}$", row));

        var catalog = await RunAsync("catalog");
        Assert.Contains("compliance catalog            # the 145 events of the PrivX v24 catalog; --json for JSON", Readme);
        Assert.Equal((0, 1 + 1 + 145), (catalog.ExitCode, Lines(catalog.Output).Count));
        using var catalogJson = JsonDocument.Parse((await RunAsync("catalog", "--json")).Output);
        Assert.Equal(145, catalogJson.RootElement.GetProperty("events").GetArrayLength());

        using var http = new HttpClient { BaseAddress = host.HttpBaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await http.SendAsync(request);
        Assert.Contains("a browser (`Accept: text/html`) gets a plain page with download links", ReadmeText);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        var links = XDocument.Parse(await page.Content.ReadAsStringAsync()).Descendants("a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.Equal(
            ["reports/2026-10/versions/1", "reports/2026-10/versions/1/evidence", "reports/2026-10/versions/1/summary"],
            links.Distinct().Order(StringComparer.Ordinal));

        // Sent again, the sample stores nothing new, and asked again, the month keeps its version.
        var again = await RunAsync("send", Sample, "--wait");
        var regenerate = await RunAsync("report", "generate", "--month", "2026-10");
        Assert.Equal((0, "sent 24 events in 1 messages: stored 0, duplicates 24, quarantined 0"), (again.ExitCode, again.Output));
        Assert.Contains("Asking again for a month whose events have not changed returns the same version.", ReadmeText);
        Assert.Equal((0, "report 2026-10 version 1: 24 events (no change since this version)"), (regenerate.ExitCode, regenerate.Output));
    }

    public void Dispose() => work.Delete(recursive: true);

    private static List<string> Lines(string output) => output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

    /// <summary>The command succeeded and printed exactly these lines of README's walkthrough, in order.</summary>
    private static void AssertPrints((int ExitCode, string Output, string Error) result, params string[] readmeLines)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        var printed = Lines(result.Output);
        Assert.Equal(readmeLines.Length, printed.Count);
        foreach (var (expected, actual) in readmeLines.Zip(printed))
        {
            Assert.Contains($"# {expected}", Readme);
            var pattern = "^" + string.Join(".+", expected.Split('…').Select(Regex.Escape)) + "$";
            Assert.Matches(pattern, actual);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CommandLine.RunAsync(host.ConnectionString, work.FullName, arguments);

    /// <summary>
    /// A host of its own, on an account of its own, so the sample's month is this test's and version 1
    /// is the one it asks for: the shared host's timer asks every two seconds for any due month without
    /// a report, and would make version 1 before `report generate` did. This one fires on New Year's Day.
    /// </summary>
    public sealed class QuietTimerHost() : LocalFunctionsHostFixture("0 0 0 1 1 *");
}
