using System.Diagnostics;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests;

/// <summary>
/// samples/verify-evidence.py, the script README promises, recomputes from evidence.csv.gz alone the
/// digests the domain wrote: Python's csv, gzip and hashlib share no code with ours.
/// </summary>
public class RecomputingTheDigestWithAScript
{
    [Python3Fact]
    public async Task The_script_prints_the_golden_months_day_lines_and_version_digest()
    {
        var output = await Python3.RunAsync(await Sets.EvidenceFileAsync(GoldenMonth.Rows));

        Assert.Equal(0, output.ExitCode);
        Assert.Equal(
            [.. GoldenMonth.Aggregate.Days.Select(day => day.Line.TrimEnd('\n')), "events: 51", $"digest: {GoldenMonth.Aggregate.EventDigest}"],
            output.Lines);
    }

    [Python3Fact]
    public async Task The_script_agrees_on_rows_that_csv_must_quote()
    {
        // Raw items and facts with commas, quotes, CR/LF, tabs, backslashes, non-ASCII and leading spaces.
        var rows = RoundTrippingTheEvidenceFile.AwkwardRows();
        using var digest = new EventSetDigest(new ReportPeriod(new Month(2026, 10), TimeZoneInfo.Utc));
        rows.ForEach(digest.Add);

        var output = await Python3.RunAsync(await Sets.EvidenceFileAsync(rows));

        Assert.Equal(0, output.ExitCode);
        Assert.Equal($"events: {rows.Count}", output.Lines[^2]);
        Assert.Equal($"digest: {digest.Complete().Digest}", output.Lines[^1]);
    }

    [Python3Fact]
    public async Task The_script_names_a_row_whose_facts_no_longer_match_their_hash()
    {
        var rows = GoldenMonth.Rows.Select((row, index) => index == 6 ? row with { Facts = row.Facts with { User = "alice" } } : row);

        var output = await Python3.RunAsync(await Sets.EvidenceFileAsync(rows));

        Assert.Equal(1, output.ExitCode);
        Assert.Contains($"{EvidenceRow.Utc(GoldenMonth.Rows[6].OccurredAt)} {GoldenMonth.Rows[6].Identity}: its facts hash to", output.Error);
    }
}

/// <summary>A fact that needs python3 on PATH, and says so when it is skipped.</summary>
public sealed class Python3FactAttribute : FactAttribute
{
    public Python3FactAttribute()
    {
        if (Python3.Executable is null)
        {
            Skip = "python3 is not on PATH: install Python 3 to run samples/verify-evidence.py against the domain's evidence file.";
        }
    }
}

internal static class Python3
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string? Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "python3.exe" : "python3"))
            .FirstOrDefault(File.Exists);

    public sealed record Output(int ExitCode, IReadOnlyList<string> Lines, string Error);

    /// <summary>Runs the script on the evidence file, written to a temporary file as an auditor would save it.</summary>
    public static async Task<Output> RunAsync(byte[] evidence)
    {
        var path = Path.Combine(Path.GetTempPath(), $"evidence-{Guid.NewGuid():N}.csv.gz");
        await File.WriteAllBytesAsync(path, evidence);
        try
        {
            var start = new ProcessStartInfo(Executable!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(timeout.Token);
            return new Output(process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>samples/verify-evidence.py of the repository the tests were built from.</summary>
    private static string Script
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var script = Path.Combine(directory.FullName, "samples", "verify-evidence.py");
                if (File.Exists(script))
                {
                    return script;
                }
            }
            throw new Xunit.Sdk.XunitException($"samples/verify-evidence.py was not found above {AppContext.BaseDirectory}.");
        }
    }
}
