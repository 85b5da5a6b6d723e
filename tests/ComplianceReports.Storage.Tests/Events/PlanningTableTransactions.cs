using System.Net;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ComplianceReports.Storage.Events;

namespace ComplianceReports.Storage.Tests;

public class PlanningTableTransactions
{
    private const long ServiceLimitBytes = 4L * 1024 * 1024;

    [Fact]
    public void Entities_of_different_partitions_never_share_a_transaction()
    {
        var entities = Enumerable.Range(0, 30).Select(i => Entity($"2026-10-0{1 + i % 3}", i)).ToList();

        var batches = EntityGroupTransactions.Plan(entities).ToList();

        Assert.All(batches, batch => Assert.Single(batch.Select(entity => entity.PartitionKey).Distinct()));
        Assert.Equal(3, batches.Count);
        Assert.Equal(30, batches.Sum(batch => batch.Count));
    }

    [Fact]
    public void Two_hundred_and_fifty_entities_of_one_partition_go_in_transactions_of_100_100_and_50()
    {
        var entities = Enumerable.Range(0, 250).Select(i => Entity("2026-10-01", i)).ToList();

        var batches = EntityGroupTransactions.Plan(entities).ToList();

        Assert.Equal([100, 100, 50], batches.Select(batch => batch.Count));
    }

    [Fact]
    public void Entities_keep_their_order_within_each_partition()
    {
        var entities = Enumerable.Range(0, 260).Select(i => Entity(i % 2 == 0 ? "2026-10-01" : "2026-10-02", i)).ToList();

        var batches = EntityGroupTransactions.Plan(entities).ToList();

        foreach (var partition in new[] { "2026-10-01", "2026-10-02" })
        {
            var planned = batches.Where(batch => batch[0].PartitionKey == partition).SelectMany(batch => batch).Select(entity => entity.RowKey);
            Assert.Equal(entities.Where(entity => entity.PartitionKey == partition).Select(entity => entity.RowKey), planned);
        }
    }

    [Fact]
    public void Nothing_to_store_plans_no_transaction()
    {
        Assert.Empty(EntityGroupTransactions.Plan([]));
    }

    [Fact]
    public void Large_entities_are_split_into_transactions_under_four_mebibytes()
    {
        var entities = Enumerable.Range(0, 200).Select(i => Entity("2026-10-01", i, RawJson(i, 30_000))).ToList();

        var batches = EntityGroupTransactions.Plan(entities).ToList();

        Assert.True(batches.Count > 2, $"200 entities of 30,000 characters went into {batches.Count} transactions.");
        Assert.All(batches, batch => Assert.InRange(batch.Sum(entity => 2L * entity.GetString("Raw").Length), 1, ServiceLimitBytes));
        Assert.Equal(entities.Select(entity => entity.RowKey), batches.SelectMany(batch => batch).Select(entity => entity.RowKey));
    }

    [Fact]
    public void Events_of_ordinary_size_still_fill_transactions_of_100()
    {
        var entities = Enumerable.Range(0, 200).Select(i => Entity("2026-10-01", i, RawJson(i, 2_000, filler: 'ä'))).ToList();

        Assert.Equal([100, 100], EntityGroupTransactions.Plan(entities).Select(batch => batch.Count));
    }

    [Theory]
    [InlineData("ascii")]
    [InlineData("quotes")]
    [InlineData("non-ascii")]
    public async Task Every_planned_transaction_of_large_events_goes_over_the_wire_under_four_mebibytes(string content)
    {
        var raw = content switch
        {
            "ascii" => (Func<int, string>)(i => RawJson(i, 30_000)),
            "quotes" => i => QuoteHeavyJson(i, 30_000),
            _ => i => RawJson(i, 30_000, filler: 'ä'),
        };
        var entities = Enumerable.Range(0, 200).Select(i => Entity("2026-10-01", i, raw(i))).ToList();
        var wire = new WireSizes();
        var table = new TableClient(
            new Uri("https://contosoaudit.table.core.windows.net"), "AuditEvents",
            new TableSharedKeyCredential("contosoaudit", Convert.ToBase64String(new byte[64])),
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(wire)), Retry = { MaxRetries = 0 } });

        foreach (var batch in EntityGroupTransactions.Plan(entities))
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                table.SubmitTransactionAsync(batch.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity))));
        }

        Assert.NotEmpty(wire.Sizes);
        Assert.All(wire.Sizes, size => Assert.InRange(size, 1, ServiceLimitBytes - 1));
    }

    internal static TableEntity Entity(string partition, int index, string? raw = null) =>
        new(partition, $"{index:D19}_{index:x64}")
        {
            ["OccurredAt"] = DateTimeOffset.Parse(partition + "T00:00:00Z").AddSeconds(index),
            ["Code"] = 301,
            ["Identity"] = $"{index:x64}",
            ["Raw"] = raw ?? RawJson(index, 100),
            ["IngestedAt"] = DateTimeOffset.UnixEpoch,
        };

    /// <summary>A PrivX-like item of about <paramref name="length"/> characters, mostly one long string.</summary>
    private static string RawJson(int index, int length, char filler = 'x')
    {
        var head = $"{{\"event_id\":\"301\",\"n\":{index},\"pad\":\"";
        return head + new string(filler, length - head.Length - 2) + "\"}";
    }

    /// <summary>A PrivX-like item of about <paramref name="length"/> characters made of many short properties.</summary>
    private static string QuoteHeavyJson(int index, int length)
    {
        var text = new System.Text.StringBuilder($"{{\"event_id\":\"301\",\"n\":{index}");
        for (var i = 0; text.Length < length - 20; i++)
        {
            text.Append(",\"k").Append(i % 10).Append("\":\"v\"");
        }
        return text.Append('}').ToString();
    }

    /// <summary>Records each request body's size and answers nothing a client could take for success.</summary>
    private sealed class WireSizes : HttpMessageHandler
    {
        public List<long> Sizes { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sizes.Add((await request.Content!.ReadAsByteArrayAsync(cancellationToken)).LongLength);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
        }
    }
}
