using ComplianceReports.Storage.Ingestion;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

public class QuarantiningRefusedInput(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly QuarantineStore quarantine = new(storage.Clients);

    [Fact]
    public async Task Refused_items_are_kept_whole_with_their_reason_and_a_redelivery_adds_no_new_rows()
    {
        var at = Utc(2021, 2, 3, 4, 5, 6);
        var longOriginal = "{\"event_id\":\"x\",\"pad\":\"" + new string('p', 100_000) + "\"}";
        var items = new[]
        {
            new QuarantinedItem("message-1", 0, "batch-1", "item 1 (line 2)", "\"event_id\" must be a non-negative whole number, not \"x\".", longOriginal, at),
            new QuarantinedItem("message-1", 3, "batch-1", "item 4 (line 9)", "The event is an empty object.", "{}", at),
        };

        await quarantine.AddAsync(items, default);
        await quarantine.AddAsync(items, default);
        var read = await quarantine.ReadAsync(new DateOnly(2021, 2, 3), new DateOnly(2021, 2, 4), default).ToListAsync();

        Assert.Equal(items, read.OrderBy(item => item.Position));
    }

    [Fact]
    public async Task Items_are_found_by_the_day_they_were_refused()
    {
        await quarantine.AddAsync([new QuarantinedItem("m", 0, null, "the message", "The message is not JSON.", "nope", Utc(2021, 3, 31, 23))], default);
        await quarantine.AddAsync([new QuarantinedItem("n", 0, null, "the message", "The message is not JSON.", "nope", Utc(2021, 4, 1))], default);

        var march = await quarantine.ReadAsync(new DateOnly(2021, 3, 1), new DateOnly(2021, 4, 1), default).ToListAsync();

        Assert.Equal("m", Assert.Single(march).MessageId);
    }

    [Fact]
    public async Task An_item_redelivered_after_midnight_is_quarantined_once_at_its_first_time()
    {
        var first = new QuarantinedItem("message-midnight", 2, null, "item 3 (line 3)", "The event is an empty object.", "{}", Utc(2021, 5, 31, 23, 59, 59));

        await quarantine.AddAsync([first], default);
        await quarantine.AddAsync([first with { QuarantinedAt = Utc(2021, 6, 1, 0, 0, 30) }], default);

        var read = await quarantine.ReadAsync(new DateOnly(2021, 5, 1), new DateOnly(2021, 7, 1), default).Where(item => item.MessageId == first.MessageId).ToListAsync();
        Assert.Equal(first, Assert.Single(read));
    }

    [Fact]
    public async Task A_reason_quoting_a_huge_name_is_cut_so_the_row_is_written()
    {
        var item = new QuarantinedItem("message-long-reason", 0, null, "item 1", "The property \"" + new string('k', 70_000) + "\" is bad.", "{}", Utc(2021, 8, 1));

        await quarantine.AddAsync([item], default);

        var read = Assert.Single(await quarantine.ReadAsync(new DateOnly(2021, 8, 1), new DateOnly(2021, 8, 2), default).ToListAsync());
        Assert.Equal(QuarantineStore.MaxReasonLength, read.Reason.Length);
        Assert.EndsWith("…", read.Reason, StringComparison.Ordinal);
    }
}
