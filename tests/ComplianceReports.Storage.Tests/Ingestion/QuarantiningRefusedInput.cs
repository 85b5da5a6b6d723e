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
}
