using ComplianceReports.Testing;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

/// <summary>Each month that receives a new event is marked, so later jobs find changed months without scanning.</summary>
public class MarkingChangedMonths(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task A_month_is_marked_when_it_receives_a_new_event_and_only_then()
    {
        var clock = new FixedClock(Utc(2030, 1, 1));
        var store = new TableEventStore(storage.Clients, clock);
        var june = At(Utc(2022, 6, 30, 23, 59, 59), "june");
        var july = At(Utc(2022, 7, 1), "july");

        await store.AppendAsync([june, july], default);
        clock.Now = Utc(2030, 1, 2);
        await store.AppendAsync([june], default);
        clock.Now = Utc(2030, 1, 3);
        await store.AppendAsync([july, At(Utc(2022, 7, 9), "july again")], default);
        var markers = await store.ReadChangeMarkersAsync(default);

        Assert.Equal(Utc(2030, 1, 1), markers[new Month(2022, 6)]);
        Assert.Equal(Utc(2030, 1, 3), markers[new Month(2022, 7)]);
        Assert.False(markers.ContainsKey(new Month(2022, 8)));
    }
}
