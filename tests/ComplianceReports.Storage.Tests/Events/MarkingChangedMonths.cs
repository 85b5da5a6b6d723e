using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using Microsoft.Extensions.Time.Testing;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

/// <summary>
/// Each UTC month a message touches is marked, new events or not, so later jobs find months that may
/// have changed without scanning. The tests share one account, so each keeps to months of its own.
/// </summary>
public class MarkingChangedMonths(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task Every_append_touches_each_of_its_months_before_and_after_its_events_and_no_other_month()
    {
        var store = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 1, 1)));
        var june = At(Utc(2022, 6, 30, 23, 59, 59), "june");
        var july = At(Utc(2022, 7, 1), "july");

        await store.AppendAsync([june, july], default);
        await store.AppendAsync([july, At(Utc(2022, 7, 9), "july again")], default);
        var markers = await store.ReadChangeMarkersAsync(default);

        Assert.Equal(2, markers[new Month(2022, 6)].Sequence);
        Assert.Equal(4, markers[new Month(2022, 7)].Sequence);
        Assert.False(markers.ContainsKey(new Month(2022, 5)));
        Assert.False(markers.ContainsKey(new Month(2022, 8)));
    }

    [Fact]
    public async Task Reading_every_month_s_marker_brings_one_row_a_month_not_the_days_and_hours_between()
    {
        var store = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 1, 1)));
        // Four months across a year's end, each with many days and hours marked.
        var months = new[] { new Month(2019, 11), new Month(2019, 12), new Month(2020, 1), new Month(2020, 2) };
        foreach (var month in months)
        {
            await store.AppendAsync(Enumerable.Range(0, 20).Select(i => At(month.StartUtc.AddDays(i).AddHours(i), $"many-{month}-{i}")).ToList(), default);
        }
        var rows = new CountingRows();
        var counted = new TableEventStore(
            new StorageClientFactory(StorageConnection.FromConnectionString(storage.ConnectionString), options => options.AddPolicy(rows, HttpPipelinePosition.PerCall)),
            new FakeTimeProvider(Utc(2030, 1, 1)));

        var markers = await counted.ReadChangeMarkersAsync(default);

        Assert.All(months, month => Assert.Equal(2, markers[month].Sequence));
        // The other tests of this class share the table: every month read is some test's, and one row each.
        Assert.Equal(markers.Count, rows.Count);
    }

    [Fact]
    public async Task Every_append_touches_each_utc_day_of_its_events_and_a_period_reads_its_own_days_and_months()
    {
        var store = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 1, 1)));
        await store.AppendAsync([At(Utc(2021, 3, 31, 23), "march"), At(Utc(2021, 4, 2, 8), "april"), At(Utc(2021, 4, 2, 9), "april too")], default);
        await store.AppendAsync([At(Utc(2021, 4, 2, 10), "april again"), At(Utc(2021, 5, 1), "may")], default);

        var april = await store.ReadChangeMarkersAsync(new ReportPeriod(new Month(2021, 4), TimeZoneInfo.Utc), default);
        var helsinkiApril = await store.ReadChangeMarkersAsync(new ReportPeriod(new Month(2021, 4), ReportPeriod.FindTimeZone("Europe/Helsinki")), default);

        Assert.Equal(new Dictionary<string, long> { ["2021-04-02"] = 4 }, april.Days.ToDictionary(day => day.Key, day => day.Value.Sequence));
        Assert.Equal([(new Month(2021, 4), 4L)], april.Months.Select(month => (month.Key, month.Value.Sequence)));
        // Helsinki's April starts at 21:00 UTC on 31 March: that UTC day and March are its markers too.
        Assert.Equal(["2021-03-31", "2021-04-02"], helsinkiApril.Days.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new Month(2021, 3), new Month(2021, 4)], helsinkiApril.Months.Keys.Order());
        Assert.Equal(0, april.DaySequence("2021-04-03"));
    }

    [Fact]
    public async Task Every_append_touches_each_utc_hour_of_its_events_and_a_period_reads_the_hours_of_its_last_day_too()
    {
        var store = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 1, 1)));
        await store.AppendAsync([At(Utc(2021, 6, 30, 23, 10), "late evening"), At(Utc(2021, 6, 30, 23, 50), "later"), At(Utc(2021, 6, 2, 8), "morning")], default);
        await store.AppendAsync([At(Utc(2021, 6, 30, 23, 55), "again")], default);

        var june = await store.ReadChangeMarkersAsync(new ReportPeriod(new Month(2021, 6), TimeZoneInfo.Utc), default);

        Assert.Equal(
            new Dictionary<string, long> { ["2021-06-02T08"] = 2, ["2021-06-30T23"] = 4 },
            june.Hours.ToDictionary(hour => hour.Key, hour => hour.Value.Sequence));
        Assert.Equal(["2021-06-02", "2021-06-30"], june.Days.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_append_spread_over_many_days_touches_each_of_their_markers_once_before_and_once_after()
    {
        var store = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 1, 1)));
        // More days than one marker query asks for range by range: the query falls back to one range.
        var spread = Enumerable.Range(1, 12).Select(day => At(Utc(2021, 8, day, day), $"day {day}")).ToList();

        await store.AppendAsync(spread, default);
        var august = await store.ReadChangeMarkersAsync(new ReportPeriod(new Month(2021, 8), TimeZoneInfo.Utc), default);

        Assert.Equal(12, august.Hours.Count);
        Assert.All(august.Hours.Values.Concat(august.Days.Values), marker => Assert.Equal(2, marker.Sequence));
        Assert.Equal(2, august.MonthSequence(new Month(2021, 8)));
    }

    [Fact]
    public async Task A_message_whose_events_are_all_duplicates_still_marks_its_month()
    {
        var clock = new FakeTimeProvider(Utc(2030, 2, 1));
        var store = new TableEventStore(storage.Clients, clock);
        var events = OneDay(Utc(2022, 9, 14), 5, "redelivered");
        await store.AppendAsync(events, default);
        var before = (await store.ReadChangeMarkersAsync(default))[new Month(2022, 9)];

        clock.SetUtcNow(Utc(2030, 2, 2));
        var again = await store.AppendAsync(events, default);
        var after = (await store.ReadChangeMarkersAsync(default))[new Month(2022, 9)];

        Assert.Equal(new AppendResult(0, 5), again);
        Assert.True(after.Sequence > before.Sequence, $"sequence {before.Sequence} then {after.Sequence}");
        Assert.Equal(Utc(2030, 2, 2), after.LastTouchedAt);
    }

    [Fact]
    public async Task A_host_whose_clock_is_behind_moves_neither_the_sequence_nor_the_time_backwards()
    {
        var store = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 3, 5)));
        var lagging = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 3, 1)));
        await store.AppendAsync([At(Utc(2022, 10, 3), "on time")], default);

        await lagging.AppendAsync([At(Utc(2022, 10, 4), "from a slow clock")], default);
        var marker = (await store.ReadChangeMarkersAsync(default))[new Month(2022, 10)];

        Assert.Equal(new ChangeMarker(4, Utc(2030, 3, 5)), marker);
    }

    [Fact]
    public async Task Concurrent_touches_of_one_month_all_count_and_the_sequence_never_moves_backwards()
    {
        var month = new Month(2022, 11);
        const int writers = 8;
        var appends = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            // A store per writer, as on separate hosts, each with a clock of its own.
            var store = new TableEventStore(storage.Clients, new FakeTimeProvider(Utc(2030, 4, 1).AddMinutes(i)));
            await store.AppendAsync([At(month.StartUtc.AddHours(i), $"writer {i}")], default);
        })).ToList();

        var reader = new TableEventStore(storage.Clients, TimeProvider.System);
        var seen = new List<ChangeMarker>();
        while (!appends.All(append => append.IsCompleted))
        {
            if ((await reader.ReadChangeMarkersAsync(default)).GetValueOrDefault(month) is { } marker)
            {
                seen.Add(marker);
            }
        }
        await Task.WhenAll(appends);
        seen.Add((await reader.ReadChangeMarkersAsync(default))[month]);

        Assert.Equal(new ChangeMarker(2 * writers, Utc(2030, 4, 1).AddMinutes(writers - 1)), seen[^1]);
        Assert.All(seen.Zip(seen.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Sequence >= pair.First.Sequence, $"sequence {pair.First.Sequence} then {pair.Second.Sequence}");
            Assert.True(pair.Second.LastTouchedAt >= pair.First.LastTouchedAt, $"touched at {pair.First.LastTouchedAt:O} then {pair.Second.LastTouchedAt:O}");
        });
    }

    /// <summary>Counts the marker rows the service sends back, page by page.</summary>
    private sealed class CountingRows : HttpPipelinePolicy
    {
        private int count;

        public int Count => count;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.Contains(TableEventStore.MonthsTableName, StringComparison.Ordinal))
            {
                using var page = JsonDocument.Parse(message.Response.Content.ToMemory());
                Interlocked.Add(ref count, page.RootElement.GetProperty("value").GetArrayLength());
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }
}
