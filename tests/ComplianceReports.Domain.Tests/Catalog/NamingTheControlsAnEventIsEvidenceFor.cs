using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Tests.Catalog;

public class NamingTheControlsAnEventIsEvidenceFor
{
    private static readonly IReadOnlySet<string> Controls = ReferenceFiles.Controls();

    // catalog-categories.md: "PCI 10.2.1 without a suffix means user access in general", the requirement
    // whose sub-requirements 10.2.1.1 to 10.2.1.7 the controls document lists. The only such short form.
    private const string PciUserAccessInGeneral = "PCI 10.2.1";

    [Fact]
    public void The_controls_document_yields_the_controls_in_short_form()
    {
        Assert.Superset(
            new HashSet<string> { "PCI 10.2.1.1", "PCI 10.2.1.7", "PCI 10.4.1.1", "PCI 11.5.2", "SOC 2 CC6.1", "ISO A.8.15", "NIST AU-12", "NIST AU-9", "HIPAA 164.312(b)" },
            (HashSet<string>)Controls);
    }

    [Fact]
    public void Every_control_an_event_is_evidence_for_is_in_the_controls_document()
    {
        Assert.All(PrivXCatalog.Entries, entry => Assert.All(entry.EvidenceFor, control =>
            Assert.True(IsDocumented(control), $"{entry.Code} {entry.Name}: '{control}' is not a control of compliance-controls.md")));
    }

    [Fact]
    public void Every_control_is_written_with_a_known_framework_prefix()
    {
        string[] prefixes = ["PCI ", "SOC 2 ", "ISO ", "NIST ", "HIPAA "];

        Assert.All(PrivXCatalog.Entries.SelectMany(entry => entry.EvidenceFor), control =>
            Assert.Contains(prefixes, prefix => control.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void Pci_10_2_1_without_a_suffix_stands_for_the_user_access_controls_under_it()
    {
        Assert.Contains("PCI 10.2.1 without a suffix means user access in general", File.ReadAllText(ReferenceFiles.CategoriesPath).ReplaceLineEndings(" "));
        Assert.DoesNotContain(PciUserAccessInGeneral, Controls);
        Assert.All(Enumerable.Range(1, 7), n => Assert.Contains($"{PciUserAccessInGeneral}.{n}", Controls));
        Assert.Contains(PciUserAccessInGeneral, PrivXCatalog.Find(100)!.EvidenceFor);
    }

    [Fact]
    public void No_event_names_a_control_twice()
    {
        Assert.All(PrivXCatalog.Entries, entry => Assert.Equal(entry.EvidenceFor.Count, entry.EvidenceFor.Distinct().Count()));
    }

    [Theory]
    [InlineData("PCI 10.2")]
    [InlineData("PCI 10.2.1.8")]
    [InlineData("SOC 2 CC6")]
    [InlineData("ISO A.8.1")]
    public void A_control_the_document_lacks_is_not_taken_for_one(string control)
    {
        Assert.False(IsDocumented(control));
    }

    private static bool IsDocumented(string control) => control == PciUserAccessInGeneral || Controls.Contains(control);
}
