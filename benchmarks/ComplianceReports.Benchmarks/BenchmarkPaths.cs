namespace ComplianceReports.Benchmarks;

/// <summary>
/// Where the benchmark finds what it runs: the repository (by its solution file, above this program),
/// Azurite in its node_modules, and the local host and the CLI: as published (precompiled, as they are
/// deployed and installed) below artifacts/benchmark when this program is the Release one that
/// scripts/benchmark.sh runs, as built when it is the smoke test's Debug one, which times nothing.
/// </summary>
public sealed record BenchmarkPaths(string Root, string AzuriteScript, string HostDll, string CliDll, string HostJson, string Work)
{
    public static BenchmarkPaths Find(string work)
    {
        var root = FindRoot(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var published = configuration == "Release";
        string Program(string project, string dll) => published
            ? Path.Combine(root, "artifacts", "benchmark", project, dll)
            : Path.Combine(root, "src", project, "bin", configuration, "net10.0", dll);
        var paths = new BenchmarkPaths(
            root,
            Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js"),
            Program("ComplianceReports.LocalHost", "ComplianceReports.LocalHost.dll"),
            Program("ComplianceReports.Cli", "compliance.dll"),
            Path.Combine(root, "host.json"),
            work);
        foreach (var file in new[] { paths.AzuriteScript, paths.HostDll, paths.CliDll, paths.HostJson })
        {
            if (!File.Exists(file))
            {
                throw new BenchmarkException(published
                    ? $"{file} is missing: scripts/benchmark.sh publishes the host and the CLI there and runs 'npm ci'"
                    : $"{file} is missing: build the solution in {configuration} and run 'npm ci'");
            }
        }
        return paths;
    }

    private static string FindRoot(string from)
    {
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ComplianceReports.sln")))
            {
                return directory.FullName;
            }
        }
        throw new BenchmarkException($"no ComplianceReports.sln above {from}: run the benchmark from its build output in the repository");
    }
}

/// <summary>A benchmark that cannot go on, in one line.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
