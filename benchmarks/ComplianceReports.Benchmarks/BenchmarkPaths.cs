namespace ComplianceReports.Benchmarks;

/// <summary>
/// Where the benchmark finds what it runs: the repository (by its solution file, above this program),
/// Azurite in its node_modules, and the local host's and CLI's builds of this program's own
/// configuration (Release from scripts/benchmark.sh, Debug from the smoke test).
/// </summary>
public sealed record BenchmarkPaths(string Root, string AzuriteScript, string HostDll, string CliDll, string HostJson, string Work)
{
    public static BenchmarkPaths Find(string work)
    {
        var root = FindRoot(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string Build(string project, string dll) => Path.Combine(root, "src", project, "bin", configuration, "net10.0", dll);
        var paths = new BenchmarkPaths(
            root,
            Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js"),
            Build("ComplianceReports.LocalHost", "ComplianceReports.LocalHost.dll"),
            Build("ComplianceReports.Cli", "compliance.dll"),
            Path.Combine(root, "host.json"),
            work);
        foreach (var file in new[] { paths.AzuriteScript, paths.HostDll, paths.CliDll, paths.HostJson })
        {
            if (!File.Exists(file))
            {
                throw new BenchmarkException($"{file} is missing: build the solution in {configuration} and run 'npm ci' (scripts/benchmark.sh does both)");
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
