using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Domain.Tests.Catalog;

public class TreatingUnknownCodes
{
    [Theory]
    [InlineData(1601)]
    [InlineData(1701)]
    [InlineData(2001)]
    [InlineData(2301)]
    [InlineData(99999)]
    [InlineData(101)] // a gap between v24 codes
    [InlineData(-1)]
    public void A_code_not_in_the_catalog_is_uncategorized_with_no_entry_and_no_outcome(int code)
    {
        Assert.Null(PrivXCatalog.Find(code));
        Assert.Same(CatalogCategories.Uncategorized, PrivXCatalog.CategoryOf(code));
        Assert.Null(PrivXCatalog.OutcomeOf(code));
    }

    [Theory]
    [InlineData(0, "system", EventOutcome.Alert)]
    [InlineData(100, "logins", EventOutcome.Success)]
    [InlineData(102, "logins", EventOutcome.Failure)]
    [InlineData(1402, "secrets", EventOutcome.Success)]
    [InlineData(1501, "configuration", EventOutcome.Success)]
    public void A_known_code_has_its_catalog_category_and_outcome(int code, string category, EventOutcome outcome)
    {
        Assert.Equal(category, PrivXCatalog.CategoryOf(code).Id);
        Assert.Equal(outcome, PrivXCatalog.OutcomeOf(code));
    }
}
