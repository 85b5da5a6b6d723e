using System.Text.Json;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using ComplianceReports.Testing;
using Microsoft.Extensions.Time.Testing;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

/// <summary>What reports need is stored beside the evidence, and evidence too big for a row is kept whole.</summary>
public class KeepingEventFacts(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly TableEventStore store = new(storage.Clients, new FakeTimeProvider(Utc(2027, 2, 1)));

    [Fact]
    public async Task The_facts_reports_need_are_read_back_as_they_were_taken_from_the_event()
    {
        var item = PrivXSample.Item(102, Utc(2023, 3, 4, 5, 6, 7), user: "mallory", service: "auth");
        var parsed = Parse(item);

        await store.AppendAsync([parsed], default);
        var stored = Assert.Single(await store.ReadMonthAsync(new Month(2023, 3), default).ToListAsync());

        Assert.Equal(
            new EventFacts("User-login-failed", "logins", EventOutcome.Failure, false, "PCI 10.2.1.4; SOC 2 CC6.1; ISO A.8.16", null, null, "mallory", null, "auth", "privx-test", "PrivX v24"),
            stored.Event.Facts);
        Assert.Equal(parsed, stored.Event);
    }

    [Fact]
    public async Task An_unknown_code_is_stored_uncategorized_with_no_outcome()
    {
        await store.AppendAsync([Parse(PrivXSample.Item(1701, Utc(2023, 4, 1, 9)))], default);

        var stored = Assert.Single(await store.ReadMonthAsync(new Month(2023, 4), default).ToListAsync());

        Assert.Equal(1701, stored.Event.Code);
        Assert.Equal("uncategorized", stored.Event.Facts.Category);
        Assert.Null(stored.Event.Facts.Outcome);
    }

    [Fact]
    public async Task A_raw_event_too_long_for_a_table_property_is_kept_whole_in_blob_storage()
    {
        // 200,000 characters: past the 64 KiB property limit, within the 1 MiB an event may have.
        var item = JsonSerializer.Serialize(new
        {
            event_id = "802",
            created = "2023-05-06T07:08:09.123Z",
            message = new { username = "alice", modifications = new string('m', 200_000) },
        });
        var parsed = Parse(item);

        var appended = await store.AppendAsync([parsed], default);
        var again = await store.AppendAsync([parsed], default);
        var stored = Assert.Single(await store.ReadMonthAsync(new Month(2023, 5), default).ToListAsync());

        Assert.Equal(new AppendResult(1, 0), appended);
        Assert.Equal(new AppendResult(0, 1), again);
        Assert.Equal(item, stored.Event.RawJson);
    }

    private static AuditEvent Parse(string item) => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event;
}
