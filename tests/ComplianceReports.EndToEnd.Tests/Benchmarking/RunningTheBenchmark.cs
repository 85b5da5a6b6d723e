using System.Diagnostics;
using System.Text.Json.Nodes;
using ComplianceReports.Benchmarks;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// The benchmark at its smoke size, as CI runs it: every scenario through its own Azurite, the hosted
/// functions and the CLI of this build. It proves the benchmark works and agrees with itself; it times nothing.
/// </summary>
public sealed class RunningTheBenchmark
{
    private static readonly string[] Throughput = ["pipelinePerSecond", "rawPerSecond", "ratio"];

    [Fact]
    public async Task The_smoke_size_runs_every_scenario_once_and_writes_results_json_as_the_issue_specifies()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("compliance-benchmark-smoke-").FullName, "results.json");

        var (exitCode, log) = await RunBenchmarkAsync("--size", "smoke", "--out", output);

        Assert.True(exitCode == 0, log);
        var results = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
        Assert.Contains(" cores, ", results["machine"]!.GetValue<string>());
        Assert.Contains("Node v", results["machine"]!.GetValue<string>());
        var scenarios = results["scenarios"]!.AsArray().Select(scenario => scenario!.AsObject()).ToList();
        Assert.Equal(BenchmarkSize.Smoke.ScenarioNames(), scenarios.Select(scenario => scenario["name"]!.GetValue<string>()));
        foreach (var scenario in scenarios)
        {
            var name = scenario["name"]!.GetValue<string>();
            Assert.True(scenario["events"]!.GetValue<long>() > 0, name);
            Assert.True(scenario["peakMB"]!.GetValue<double>() > 0, name);
            Assert.Contains(scenario["peakOf"]!.GetValue<string>(), new[] { "host", "cli" });
            Assert.True(scenario["azuritePeakMB"]!.GetValue<double>() > 0, name);
            Assert.Single(scenario["runs"]!.AsArray());
            if (name.StartsWith("ingest", StringComparison.Ordinal) || name.StartsWith("rebuild", StringComparison.Ordinal))
            {
                Assert.All(Throughput, figure => Assert.True(scenario[figure]!.GetValue<double>() > 0, $"{name} {figure}"));
            }
            if (!name.StartsWith("ingest", StringComparison.Ordinal))
            {
                Assert.True(scenario["seconds"]!.GetValue<double>() > 0, name);
            }
            if (name.StartsWith("rebuild", StringComparison.Ordinal))
            {
                Assert.True(scenario["digestsAgree"]!.GetValue<bool>(), name);
                Assert.Equal(0, scenario["runs"]![0]!["daysFromSeals"]!.GetValue<int>());
            }
            if (name == "load")
            {
                var run = scenario["runs"]![0]!;
                Assert.Equal(scenario["events"]!.GetValue<long>(), run["stored"]!.GetValue<long>());
                Assert.Equal(0, run["poisoned"]!.GetValue<int>());
                Assert.NotEmpty(run["samples"]!.AsArray());
            }
            if (name.StartsWith("scheduled-report", StringComparison.Ordinal))
            {
                Assert.Equal(1, scenario["runs"]![0]!["daysRead"]!.GetValue<int>());
            }
        }
        var duplicates = scenarios.Single(scenario => scenario["name"]!.GetValue<string>() == "ingest-duplicates");
        Assert.True(duplicates["events"]!.GetValue<long>() > duplicates["distinctEvents"]!.GetValue<long>());
    }

    private static async Task<(int ExitCode, string Log)> RunBenchmarkAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ComplianceReports.Benchmarks.dll") },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            // Its Azurites and hosts would go on running beside the rest of the suite.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, $"{await output}\n{await error}");
    }
}
