using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Tests.Catalog;

public class FollowingTheCategoryTable
{
    /// <summary>The catalog's deliberate departures from catalog-categories.md; Catalog/README.md says why.</summary>
    private static readonly Dictionary<int, (EventOutcome DocumentOutcome, bool DocumentFinding, EventOutcome Outcome, bool Finding)> Changes = new()
    {
        [1101] = (EventOutcome.Success, false, EventOutcome.Alert, true),
        [1303] = (EventOutcome.Success, false, EventOutcome.Success, true),
    };

    private static readonly IReadOnlyList<ReferenceFiles.AssignmentRow> Table = ReferenceFiles.AssignmentRows();

    [Fact]
    public void The_category_table_lists_the_same_codes_and_names_as_the_seed()
    {
        var seed = ReferenceFiles.SeedRows().Select(row => (row.Code, row.Name)).Order();

        Assert.Equal(seed, Table.Select(row => (row.Code, row.Name)).Order());
    }

    [Fact]
    public void Each_code_has_the_category_and_evidence_of_the_category_table()
    {
        Assert.All(Table, row =>
        {
            var entry = PrivXCatalog.Find(row.Code)!;
            Assert.Equal(row.Category, entry.Category.Id);
            Assert.Equal(row.EvidenceFor, entry.EvidenceFor);
        });
    }

    [Fact]
    public void Each_code_has_the_outcome_and_finding_of_the_category_table_unless_deliberately_changed()
    {
        Assert.All(Table.Where(row => !Changes.ContainsKey(row.Code)), row =>
        {
            var entry = PrivXCatalog.Find(row.Code)!;
            Assert.Equal(row.Outcome, entry.Outcome.ToString().ToLowerInvariant());
            Assert.Equal(row.Finding, entry.Finding);
        });
    }

    [Fact]
    public void A_deliberate_change_departs_from_what_the_category_table_still_says()
    {
        Assert.All(Changes, change =>
        {
            var (code, (documentOutcome, documentFinding, outcome, finding)) = change;
            var row = Assert.Single(Table, row => row.Code == code);
            Assert.Equal(documentOutcome.ToString().ToLowerInvariant(), row.Outcome);
            Assert.Equal(documentFinding, row.Finding);

            var entry = PrivXCatalog.Find(code)!;
            Assert.Equal(outcome, entry.Outcome);
            Assert.Equal(finding, entry.Finding);
        });
    }

    [Fact]
    public void Every_deliberate_change_is_explained_in_the_catalog_readme()
    {
        var readme = File.ReadAllLines(ReferenceFiles.CatalogReadmePath);

        Assert.All(Changes.Keys, code =>
        {
            var name = PrivXCatalog.Find(code)!.Name;
            Assert.Contains(readme, line => line.StartsWith($"| {code} | {name} |") && line.Split('|').Last(cell => cell.Trim().Length > 0).Trim().Length > 40);
        });
    }

    [Fact]
    public void The_categories_are_those_of_the_document_word_for_word_and_in_its_order()
    {
        var document = ReferenceFiles.CategoryRows();

        Assert.Equal(document.Count, CatalogCategories.All.Count);
        Assert.All(document.Zip(CatalogCategories.All), pair =>
        {
            var (row, category) = pair;
            Assert.Equal(row.Id, category.Id);
            Assert.Equal(row.Name, category.Name);
            Assert.Equal(row.Description, category.Description);
        });
    }

    [Fact]
    public void Each_category_is_named_by_its_own_field()
    {
        Assert.Equal(
            [
                CatalogCategories.Logins, CatalogCategories.Secrets, CatalogCategories.Configuration, CatalogCategories.Access,
                CatalogCategories.Sessions, CatalogCategories.Users, CatalogCategories.Workflow, CatalogCategories.Integrity,
                CatalogCategories.System, CatalogCategories.Uncategorized,
            ],
            CatalogCategories.All);
        Assert.Equal(
            ["logins", "secrets", "configuration", "access", "sessions", "users", "workflow", "integrity", "system", "uncategorized"],
            CatalogCategories.All.Select(category => category.Id));
    }

    [Fact]
    public void Every_category_but_uncategorized_holds_events_and_uncategorized_holds_none()
    {
        var used = PrivXCatalog.Entries.Select(entry => entry.Category).ToHashSet();

        Assert.All(CatalogCategories.All.Where(category => category != CatalogCategories.Uncategorized), category => Assert.Contains(category, used));
        Assert.DoesNotContain(CatalogCategories.Uncategorized, used);
        Assert.Subset(CatalogCategories.All.ToHashSet(), used);
    }

    [Fact]
    public void Every_entry_uses_the_shared_category_instance()
    {
        Assert.All(PrivXCatalog.Entries, entry => Assert.Same(CatalogCategories.Find(entry.Category.Id), entry.Category));
    }

    [Theory]
    [InlineData("logins")]
    [InlineData("integrity")]
    [InlineData("uncategorized")]
    public void A_category_is_found_by_its_id(string id)
    {
        Assert.Equal(id, CatalogCategories.Find(id)?.Id);
    }

    [Theory]
    [InlineData("Logins")]
    [InlineData("Logins and authentication")]
    [InlineData("")]
    [InlineData("login")]
    public void Only_an_exact_id_finds_a_category(string id)
    {
        Assert.Null(CatalogCategories.Find(id));
    }
}
