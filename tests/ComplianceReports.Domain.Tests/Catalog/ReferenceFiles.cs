using System.Text.RegularExpressions;

namespace ComplianceReports.Domain.Tests.Catalog;

/// <summary>
/// The reference files in <c>../shared/</c> next to the clone, read and parsed at test time on their own
/// terms, so that the catalog's table is checked against the files and not against itself.
/// </summary>
internal static partial class ReferenceFiles
{
    public sealed record SeedRow(int Code, string Name, string Description);

    public sealed record CategoryRow(string Id, string Name, string Description);

    public sealed record AssignmentRow(int Code, string Name, string Category, string Outcome, bool Finding, IReadOnlyList<string> EvidenceFor);

    public static string SeedPath => Shared("seeds", "000_b6dbcb8e999cf56d.txt");

    public static string CategoriesPath => Shared("reference", "catalog-categories.md");

    public static string ControlsPath => Shared("reference", "compliance-controls.md");

    public static string ReadmePath => Path.Combine(RepositoryRoot(), "README.md");

    public static string CatalogReadmePath => Path.Combine(RepositoryRoot(), "src", "ComplianceReports.Domain", "Catalog", "README.md");

    /// <summary>The rows after the header line <c>NAMECODEDESCRIPTION</c>: a name of letters and hyphens, the code, the description.</summary>
    public static IReadOnlyList<SeedRow> SeedRows()
    {
        var lines = File.ReadAllLines(SeedPath);
        var header = Array.IndexOf(lines, "NAMECODEDESCRIPTION");
        if (header < 0)
        {
            throw new InvalidDataException($"{SeedPath} has no header line NAMECODEDESCRIPTION");
        }
        return lines.Skip(header + 1).Where(line => line.Length > 0).Select(line =>
        {
            var match = SeedRowPattern().Match(line);
            return match.Success
                ? new SeedRow(int.Parse(match.Groups["code"].Value), match.Groups["name"].Value, match.Groups["description"].Value)
                : throw new InvalidDataException($"{SeedPath}: cannot split into name, code and description: '{line}'");
        }).ToList();
    }

    /// <summary>The table of categories: <c>| `id` | name | what belongs here |</c>.</summary>
    public static IReadOnlyList<CategoryRow> CategoryRows() =>
        TableRows(CategoriesPath)
            .Where(cells => cells.Length == 3 && cells[0].StartsWith('`'))
            .Select(cells => new CategoryRow(cells[0].Trim('`'), cells[1], cells[2]))
            .ToList();

    /// <summary>The table of codes: <c>| code | name | category | outcome | finding | evidence for |</c>.</summary>
    public static IReadOnlyList<AssignmentRow> AssignmentRows() =>
        TableRows(CategoriesPath)
            .Where(cells => cells.Length == 6 && int.TryParse(cells[0], out _))
            .Select(cells => new AssignmentRow(
                int.Parse(cells[0]),
                cells[1],
                cells[2],
                cells[3],
                cells[4] switch
                {
                    "yes" => true,
                    "" => false,
                    var other => throw new InvalidDataException($"{CategoriesPath}: finding of {cells[0]} is '{other}', not 'yes' or blank"),
                },
                cells[5].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    /// <summary>
    /// Every control of compliance-controls.md in the catalog's short form ("PCI 10.2.1.4", "SOC 2 CC6.1",
    /// "ISO A.8.16", "NIST AU-9", "HIPAA 164.312(b)"); cells such as "AU-2, AU-3, AU-12" or "10.4.1 / 10.4.1.1" name several.
    /// </summary>
    public static IReadOnlySet<string> Controls()
    {
        var prefixes = new Dictionary<string, string>
        {
            ["PCI DSS v4.0"] = "PCI",
            ["SOC 2"] = "SOC 2",
            ["ISO/IEC 27001:2022"] = "ISO",
            ["NIST SP 800-53 r5"] = "NIST",
            ["HIPAA"] = "HIPAA",
        };
        var controls = new HashSet<string>();
        foreach (var cells in TableRows(ControlsPath).Where(cells => cells.Length == 3 && cells[0] != "framework" && !cells[0].StartsWith('-')))
        {
            var prefix = prefixes.TryGetValue(cells[0], out var known)
                ? known
                : throw new InvalidDataException($"{ControlsPath}: unknown framework '{cells[0]}'");
            foreach (var id in cells[1].Split([',', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                controls.Add($"{prefix} {id}");
            }
        }
        return controls;
    }

    private static IEnumerable<string[]> TableRows(string path) =>
        File.ReadLines(path)
            .Where(line => line.StartsWith('|') && line.EndsWith('|'))
            .Select(line => line[1..^1].Split('|').Select(cell => cell.Trim()).ToArray());

    private static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([RepositoryRoot(), "..", "shared", .. parts]));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The catalog tests read {path}: the shared reference files belong in shared/ next to the clone. Put them there; these tests do not skip.",
                path);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ComplianceReports.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} holds ComplianceReports.sln");
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z-]*[A-Za-z])(?<code>[0-9]+)(?<description>[^0-9].*)$")]
    private static partial Regex SeedRowPattern();
}
