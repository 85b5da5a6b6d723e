using ComplianceReports.Storage.Events;

namespace ComplianceReports.Storage.Tests;

public class FilteringDayRanges
{
    [Fact]
    public void A_month_is_every_day_partition_it_touches()
    {
        var filter = EventKeys.DayRangeFilter(
            new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("PartitionKey ge '2026-10-01' and PartitionKey le '2026-10-31'", filter);
    }

    [Fact]
    public void A_month_in_another_zone_reaches_into_the_utc_days_beside_it()
    {
        var filter = EventKeys.DayRangeFilter(
            new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal("PartitionKey ge '2026-09-30' and PartitionKey le '2026-10-31'", filter);
    }
}
