using System.Text.RegularExpressions;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>README's Guarantees name the tests that prove them: each one named must exist.</summary>
public sealed partial class NamingTheirProofs
{
    [Fact]
    public void Every_guarantee_names_tests_that_exist()
    {
        var readme = File.ReadAllText(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Guarantees", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var promises = section.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var tests = Directory.EnumerateFiles(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => TestMethod().Matches(File.ReadAllText(path)).Select(match => match.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(promises.Count >= 7, section);
        Assert.All(promises, promise =>
        {
            var named = Quoted().Matches(promise).Select(match => match.Groups[1].Value).ToList();
            Assert.NotEmpty(named);
            Assert.All(named, name => Assert.True(tests.Contains(name), $"README names {name}, which is no test"));
        });
    }

    [GeneratedRegex(@"public (?:async Task|void) ([A-Z][A-Za-z0-9_]*)\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex("`([A-Z][A-Za-z0-9_]*)`")]
    private static partial Regex Quoted();
}
