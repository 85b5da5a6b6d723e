using Azure.Data.Tables;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using Azure.Core;
using Azure.Core.Pipeline;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using Microsoft.Extensions.Time.Testing;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

/// <summary>The event store on Azurite. The tests share one account, so each keeps to a month of its own.</summary>
public class AppendingEvents(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly DateTimeOffset IngestedAt = new(2027, 1, 5, 12, 30, 0, TimeSpan.Zero);

    private readonly TableEventStore store = new(storage.Clients, new FakeTimeProvider(IngestedAt));

    [Fact]
    public async Task Appended_events_are_read_back_by_time_then_identity_in_utc_with_their_ingestion_time()
    {
        var same = Utc(2024, 1, 15, 10);
        var events = new List<AuditEvent>
        {
            At(Utc(2024, 1, 20, 8).AddTicks(1_234_567), "late"),
            At(same, "b"),
            At(Utc(2024, 1, 1), "first"),
            At(same, "a"),
            At(Utc(2024, 1, 31, 23, 59, 59), "last", code: 302),
        };

        var result = await store.AppendAsync(events, default);
        var read = await ReadAsync(new Month(2024, 1));

        Assert.Equal(new AppendResult(5, 0), result);
        var expected = events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Identity, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => e.Identity), read.Select(r => r.Event.Identity));
        Assert.Equal(expected.Select(e => e.OccurredAt), read.Select(r => r.Event.OccurredAt));
        Assert.All(read, r => Assert.Equal(TimeSpan.Zero, r.Event.OccurredAt.Offset));
        Assert.All(read, r => Assert.Equal(IngestedAt, r.IngestedAt));
        Assert.All(read, r => Assert.Equal(TimeSpan.Zero, r.IngestedAt.Offset));
        Assert.Equal(expected, read.Select(r => r.Event));
    }

    [Fact]
    public async Task A_redelivered_message_stores_nothing_new()
    {
        var events = OneDay(Utc(2024, 2, 10), 12);
        await store.AppendAsync(events, default);

        var again = await store.AppendAsync(events, default);

        Assert.Equal(new AppendResult(0, 12), again);
        Assert.Equal(12, (await ReadAsync(new Month(2024, 2))).Count);
    }

    [Fact]
    public async Task Events_already_stored_never_have_their_ingestion_time_rewritten()
    {
        var clock = new FakeTimeProvider(IngestedAt);
        var laterStore = new TableEventStore(storage.Clients, clock);
        var events = OneDay(Utc(2024, 3, 3), 3);
        await laterStore.AppendAsync(events, default);

        clock.SetUtcNow(IngestedAt.AddDays(1));
        await laterStore.AppendAsync(events, default);

        Assert.All(await ReadAsync(new Month(2024, 3)), r => Assert.Equal(IngestedAt, r.IngestedAt));
    }

    [Fact]
    public async Task A_batch_mixing_new_and_stored_events_stores_every_new_one_and_counts_the_rest_as_duplicates()
    {
        // 150 events of one day: both transactions hold some already-stored events.
        var events = OneDay(Utc(2024, 4, 7), 150);
        var alreadyStored = events.Where((_, i) => i % 3 == 0).ToList();
        await store.AppendAsync(alreadyStored, default);

        var result = await store.AppendAsync(events, default);

        Assert.Equal(new AppendResult(100, 50), result);
        var read = await ReadAsync(new Month(2024, 4));
        Assert.Equal(events.Select(e => e.Identity).Order(StringComparer.Ordinal), read.Select(r => r.Event.Identity).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_redelivery_with_scattered_duplicates_costs_a_few_requests_per_transaction_not_one_per_event()
    {
        // Three days of 100 events, 3 % of them stored already, as a collector's overlapping windows leave them.
        var events = new[] { 1, 2, 3 }.SelectMany(day => OneDay(Utc(2022, 8, day), 100, $"r{day}-")).ToList();
        await store.AppendAsync(events.Where((_, i) => i % 33 == 5).ToList(), default);
        var requests = new CountingRequests();
        var counted = new TableEventStore(
            new StorageClientFactory(StorageConnection.FromConnectionString(storage.ConnectionString), options => options.AddPolicy(requests, HttpPipelinePosition.PerCall)),
            new FakeTimeProvider(IngestedAt));

        var result = await counted.AppendAsync(events, default);

        Assert.Equal(new AppendResult(291, 9), result);
        Assert.Equal(300, (await ReadAsync(new Month(2022, 8))).Count);
        // Per transaction: the one that conflicts, one range query of its keys, and the resubmitted rest;
        // besides them only the month's change marker, read and written before and after, and the
        // tables made sure of once.
        Assert.InRange(requests.Count, 3 * 3, 3 * 3 + 6);
    }

    [Fact]
    public async Task The_same_event_twice_within_one_append_is_stored_once_and_counted_once_as_a_duplicate()
    {
        var auditEvent = At(Utc(2024, 5, 5, 5), "twice");

        var result = await store.AppendAsync([auditEvent, At(Utc(2024, 5, 6), "other"), auditEvent], default);

        Assert.Equal(new AppendResult(2, 1), result);
        Assert.Equal(2, (await ReadAsync(new Month(2024, 5))).Count);
    }

    [Fact]
    public async Task Events_at_the_last_instant_of_a_month_and_the_first_of_the_next_land_in_their_own_months()
    {
        var lastOfJune = At(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), "last");
        var firstOfJuly = At(Utc(2024, 7, 1), "first");

        await store.AppendAsync([firstOfJuly, lastOfJune], default);

        Assert.Equal([lastOfJune], (await ReadAsync(new Month(2024, 6))).Select(r => r.Event));
        Assert.Equal([firstOfJuly], (await ReadAsync(new Month(2024, 7))).Select(r => r.Event));
    }

    [Fact]
    public async Task An_event_with_an_offset_lands_in_the_partition_of_its_utc_day()
    {
        // 03:00 at +05:00 on 1 September is 22:00 UTC on 31 August.
        var auditEvent = Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(
            """{"event_id":"301","created":"2024-09-01T03:00:00+05:00","message":{"username":"alice"}}""").Items)).Event;

        await store.AppendAsync([auditEvent], default);

        var row = Assert.Single(await RowsOfDayAsync("2024-08-31"));
        Assert.Equal(EventKeys.RowKey(auditEvent), row.RowKey);
        Assert.Empty(await RowsOfDayAsync("2024-09-01"));
        var read = Assert.Single(await ReadAsync(new Month(2024, 8)));
        Assert.Equal(new DateTimeOffset(2024, 8, 31, 22, 0, 0, TimeSpan.Zero), read.Event.OccurredAt);
        Assert.Empty(await ReadAsync(new Month(2024, 9)));
    }

    [Fact]
    public async Task Two_hundred_and_fifty_events_of_one_day_are_all_stored()
    {
        var events = OneDay(Utc(2024, 10, 12), 250);

        var result = await store.AppendAsync(events, default);

        Assert.Equal(new AppendResult(250, 0), result);
        Assert.Equal(events, (await ReadAsync(new Month(2024, 10))).Select(r => r.Event));
    }

    [Fact]
    public async Task Large_events_of_one_day_are_all_stored()
    {
        var events = OneDay(Utc(2024, 11, 3), 120, padding: 20_000);

        var result = await store.AppendAsync(events, default);

        Assert.Equal(new AppendResult(120, 0), result);
        Assert.Equal(events, (await ReadAsync(new Month(2024, 11))).Select(r => r.Event));
    }

    [Fact]
    public async Task A_month_without_events_reads_empty()
    {
        Assert.Empty(await ReadAsync(new Month(2023, 2)));
    }

    private async Task<List<StoredAuditEvent>> ReadAsync(Month month)
    {
        var read = new List<StoredAuditEvent>();
        await foreach (var stored in store.ReadMonthAsync(month, default))
        {
            read.Add(stored);
        }
        return read;
    }

    private async Task<List<TableEntity>> RowsOfDayAsync(string partitionKey)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Clients.CreateTableClient(TableEventStore.TableName)
                           .QueryAsync<TableEntity>(entity => entity.PartitionKey == partitionKey))
        {
            rows.Add(row);
        }
        return rows;
    }

    private sealed class CountingRequests : HttpPipelinePolicy
    {
        private int count;

        public int Count => count;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref count);
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }
}
