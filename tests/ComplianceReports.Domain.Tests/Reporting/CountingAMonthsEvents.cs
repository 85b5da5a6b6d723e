using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Domain.Tests.GoldenMonth;

namespace ComplianceReports.Domain.Tests;

/// <summary>The golden month's totals: which events are in the set, counts by code and category, and the month before.</summary>
public class CountingAMonthsEvents
{
    [Fact]
    public void Exactly_the_events_read_that_fall_in_the_local_month_are_in_the_set()
    {
        using var set = new EventSet(Period, Settings);

        var taken = Read.Where(stored => set.Add(stored.Event, stored.IngestedAt, stored.Event.Identity) is not null).Select(stored => stored.Label).ToList();

        // E1..E51 in time order; X1 (before 1 Oct local) and X2 (1 Nov 00:00 local) are read and left out.
        // X3 and X4 arrived after version 1 read the store, so it never saw them.
        Assert.Equal(Enumerable.Range(1, 51).Select(n => $"E{n}"), taken);
        Assert.Equal(["X1", "X2"], Read.Where(stored => !stored.InSet).Select(stored => stored.Label));
    }

    [Fact]
    public void An_event_that_arrived_after_a_read_is_in_the_set_of_a_later_read_whatever_its_storage_time()
    {
        using var later = new EventSet(Period, Settings);

        var taken = Store.Where(stored => later.Add(stored.Event, stored.IngestedAt, stored.Event.Identity) is not null).Select(stored => stored.Label).ToList();

        Assert.Equal(53, taken.Count);
        Assert.Contains("X3", taken);
        Assert.Contains("X4", taken);
    }

    [Fact]
    public void The_event_count_is_that_of_the_set_alone()
    {
        // E1..E51; the four X events are in the store but not in the set.
        Assert.Equal(51, Aggregate.EventCount);
        Assert.Equal(55, Store.Count);
        Assert.Equal(53, Read.Count);
    }

    [Fact]
    public void Every_code_of_the_set_is_counted_in_ascending_order()
    {
        // Counted from the table, code by code (event labels in brackets).
        var expected = new Dictionary<int, long>
        {
            [10] = 1,    // E30
            [12] = 1,    // E29
            [100] = 15,  // E1 E2 E5 E6 E11 E16 E23 E36 E38 E41 E43 E44 E45 E46 E51 (not X1, X2)
            [102] = 6,   // E7 E8 E10 E15 E34 E35 (not X3, which arrived later)
            [103] = 2,   // E3 E37
            [104] = 1,   // E4
            [111] = 1,   // E24
            [122] = 1,   // E25
            [130] = 1,   // E9
            [201] = 1,   // E12
            [202] = 1,   // E13
            [203] = 1,   // E40
            [213] = 1,   // E26
            [230] = 1,   // E17
            [250] = 1,   // E33
            [260] = 1,   // E18
            [261] = 1,   // E28
            [262] = 1,   // E48
            [301] = 2,   // E20 E49
            [303] = 1,   // E21
            [802] = 1,   // E19
            [1000] = 1,  // E31
            [1006] = 1,  // E32
            [1101] = 1,  // E50
            [1400] = 1,  // E39 (not X4)
            [1401] = 1,  // E42
            [1402] = 1,  // E14
            [1403] = 1,  // E27
            [1701] = 1,  // E22
            [2301] = 1,  // E47
        };

        Assert.Equal(expected, Aggregate.CountsByCode);
        Assert.Equal(expected.Keys, Aggregate.CountsByCode.Keys);
    }

    [Fact]
    public void Every_category_is_counted_zeros_included()
    {
        var expected = new Dictionary<string, long>
        {
            ["logins"] = 28,        // 100×15 + 102×6 + 103×2 + 104 + 111 + 122 + 130 + 213
            ["secrets"] = 8,        // 230 260 261 262 1400 1401 1402 1403
            ["configuration"] = 5,  // 201 202 203 802 1101
            ["access"] = 1,         // 250
            ["sessions"] = 3,       // 301×2 303
            ["users"] = 0,
            ["workflow"] = 0,
            ["integrity"] = 2,      // 1000 1006
            ["system"] = 2,         // 10 12
            ["uncategorized"] = 2,  // 1701 2301
        };

        Assert.Equal(expected, Aggregate.CountsByCategory);
    }

    [Fact]
    public void Categories_are_listed_in_the_documents_order_beside_the_previous_month()
    {
        CategoryCount[] expected =
        [
            new("logins", "Logins and authentication", 28, 40),
            new("secrets", "Secrets and credentials", 8, 3),
            new("configuration", "Configuration changes", 5, 9),
            new("access", "Access and authorization", 1, 0),
            new("sessions", "Connections and sessions", 3, 12),
            new("users", "Users", 0, 2),
            new("workflow", "Requests and approvals", 0, 1),
            new("integrity", "Audit trail and integrity", 2, 2),
            new("system", "Service and system", 2, 0),           // absent from the previous figures
            new("uncategorized", "Uncategorized", 2, 0),         // absent from the previous figures
        ];

        Assert.Equal(expected, Aggregate.Categories);
    }

    [Fact]
    public void The_aggregate_keeps_its_period_the_catalog_that_decided_its_facts_and_where_its_comparison_comes_from()
    {
        Assert.Same(Period, Aggregate.Period);
        Assert.Equal(new Month(2026, 10), Aggregate.Month);
        Assert.Equal([PrivXCatalog.Version], Aggregate.CatalogVersions);
        Assert.Equal("its report, version 1", Aggregate.PreviousMonthSource);
    }

    [Fact]
    public void The_previous_months_figures_are_counted_by_category_and_service_from_what_was_read()
    {
        using var set = SetWith(Settings);
        var figures = PeriodFigures.Of(set.Days);

        // The same set as the aggregate's: categories without events are absent, as nothing counted them.
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["logins"] = 28, ["secrets"] = 8, ["configuration"] = 5, ["access"] = 1, ["sessions"] = 3,
                ["integrity"] = 2, ["system"] = 2, ["uncategorized"] = 2,
            },
            figures.CountsByCategory);
        // Not rdp-proxy (X1, before the period) nor workflow-engine (X4, which arrived after the read).
        Assert.Equal(
            ["api-proxy", "auth", "host-store", "monitor-service", "role-store", "secrets-manager", "ssh-proxy", "vault"],
            figures.Services.Order(StringComparer.Ordinal));
    }
}
