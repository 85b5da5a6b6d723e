using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>Categories without a section of their own, and codes the catalog does not know.</summary>
public class ReportingOtherCategoriesAndUnknownCodes
{
    private static CategorySection Section(string id) => Aggregate.OtherCategories.Single(section => section.Id == id);

    [Fact]
    public void Other_categories_are_those_without_a_section_in_catalog_order()
    {
        Assert.Equal(
            ["access", "sessions", "users", "workflow", "integrity", "system"],
            Aggregate.OtherCategories.Select(section => section.Id));
        Assert.Equal(
            ["Access and authorization", "Connections and sessions", "Users", "Requests and approvals", "Audit trail and integrity", "Service and system"],
            Aggregate.OtherCategories.Select(section => section.Name));
    }

    [Fact]
    public void Each_other_category_has_its_total_codes_and_users()
    {
        var access = Section("access");
        Assert.Equal(1, access.Total);
        Assert.Equal([new CodeCount(250, "RoleContext-usage-alert", 1)], access.ByEvent);  // E33
        Assert.Equal([new NamedCount("dave", 1)], access.TopUsers);

        var sessions = Section("sessions");
        Assert.Equal(3, sessions.Total);
        // 301: E20 E49; 303: E21. alice: E20 E21; bob: E49.
        Assert.Equal([new CodeCount(301, "Connection-authenticated", 2), new CodeCount(303, "Connection-closed", 1)], sessions.ByEvent);
        Assert.Equal([new("alice", 2), new NamedCount("bob", 1)], sessions.TopUsers);

        var integrity = Section("integrity");
        Assert.Equal(2, integrity.Total);
        Assert.Equal([new CodeCount(1000, "Trail-opened", 1), new CodeCount(1006, "Trail-file-integrity-failed", 1)], integrity.ByEvent);  // E31 E32
        Assert.Equal([new NamedCount("(no user)", 2)], integrity.TopUsers);

        var system = Section("system");
        Assert.Equal(2, system.Total);
        Assert.Equal([new CodeCount(10, "Service-starting", 1), new CodeCount(12, "Service-stopped", 1)], system.ByEvent);  // E30 E29
        Assert.Equal([new NamedCount("(no user)", 2)], system.TopUsers);
    }

    [Theory]
    [InlineData("users", "Users")]
    [InlineData("workflow", "Requests and approvals")]
    public void A_category_without_events_shows_a_zero_total_and_empty_lists(string id, string name)
    {
        var section = Section(id);

        Assert.Equal(name, section.Name);
        Assert.Equal(0, section.Total);
        Assert.Empty(section.ByEvent);
        Assert.Empty(section.TopUsers);
    }

    [Fact]
    public void Codes_the_catalog_does_not_know_are_listed_as_not_in_the_catalog()
    {
        // E22 (1701, a later version's secrets manager) and E47 (2301, API proxy).
        Assert.Equal([new CodeCount(1701, "not in the catalog", 1), new CodeCount(2301, "not in the catalog", 1)], Aggregate.UnknownEvents);
    }
}
