using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Tests.Catalog;

public class HoldingTheAuditEventsReference
{
    private static readonly IReadOnlyList<ReferenceFiles.SeedRow> Seed = ReferenceFiles.SeedRows();

    [Fact]
    public void The_seed_holds_145_events_with_unique_codes_and_unique_names()
    {
        Assert.Equal(145, Seed.Count);
        Assert.Equal(145, Seed.Select(row => row.Code).Distinct().Count());
        Assert.Equal(145, Seed.Select(row => row.Name).Distinct().Count());
    }

    [Fact]
    public void Every_row_of_the_seed_is_in_the_catalog_word_for_word()
    {
        Assert.All(Seed, row =>
        {
            var entry = PrivXCatalog.Find(row.Code);
            Assert.True(entry is not null, $"{row.Code} {row.Name} is missing from the catalog");
            Assert.Equal(row.Name, entry.Name);
            Assert.Equal(row.Description, entry.Description);
        });
    }

    [Fact]
    public void The_catalog_has_no_event_the_seed_lacks()
    {
        var seedCodes = Seed.Select(row => row.Code).ToHashSet();

        Assert.Empty(PrivXCatalog.Entries.Where(entry => !seedCodes.Contains(entry.Code)).Select(entry => $"{entry.Code} {entry.Name}"));
        Assert.Equal(Seed.Count, PrivXCatalog.Entries.Count);
    }

    [Fact]
    public void Entries_are_in_ascending_code_order_without_repeats()
    {
        var codes = PrivXCatalog.Entries.Select(entry => entry.Code).ToList();

        Assert.Equal(codes.Order(), codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Finding_a_code_returns_its_own_entry()
    {
        Assert.All(PrivXCatalog.Entries, entry => Assert.Same(entry, PrivXCatalog.Find(entry.Code)));
    }

    [Fact]
    public void The_catalog_says_which_privx_version_it_describes()
    {
        Assert.Equal("PrivX v24", PrivXCatalog.Version);
    }

    [Fact]
    public void Odd_spelling_in_the_seed_is_kept_as_it_is()
    {
        Assert.Equal("Disk Full.", PrivXCatalog.Find(1301)!.Description);
        Assert.Equal("Access token granted", PrivXCatalog.Find(106)!.Description);
        Assert.Equal("A email notification has been sent.", PrivXCatalog.Find(630)!.Description);
    }

    [Fact]
    public void The_catalogs_lists_cannot_be_changed_by_a_caller()
    {
        Assert.False(PrivXCatalog.Entries is CatalogEntry[]);
        Assert.All(PrivXCatalog.Entries, entry => Assert.False(entry.EvidenceFor is string[]));
        Assert.False(CatalogCategories.All is CatalogCategory[]);
    }
}
