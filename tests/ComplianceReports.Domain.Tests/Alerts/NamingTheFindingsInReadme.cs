using System.Text.RegularExpressions;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Tests.Catalog;

namespace ComplianceReports.Domain.Tests.Alerts;

/// <summary>README says which catalog codes raise a finding alert; the catalog decides, and README must say the same.</summary>
public partial class NamingTheFindingsInReadme
{
    [GeneratedRegex(@"^ *Findings alerted at once: (?<list>.+)$", RegexOptions.Multiline)]
    private static partial Regex FindingsLine();

    [GeneratedRegex(@"`(?<code>\d+)` (?<name>[A-Za-z-]+)")]
    private static partial Regex Entry();

    [Fact]
    public void Readme_lists_exactly_the_catalog_codes_marked_as_findings_with_their_names()
    {
        var line = FindingsLine().Match(File.ReadAllText(ReferenceFiles.ReadmePath));
        Assert.True(line.Success, "README has no line 'Findings alerted at once: …'");
        var listed = Entry().Matches(line.Groups["list"].Value).Select(entry => (int.Parse(entry.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), entry.Groups["name"].Value));

        Assert.Equal(PrivXCatalog.Entries.Where(entry => entry.Finding).Select(entry => (entry.Code, entry.Name)), listed);
    }
}
