using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Storage.Tests;

/// <summary>
/// What producers put on the queues, read back by a plain client that does no decoding, as the
/// Functions host (configured for base64) would find it.
/// </summary>
public class SendingQueueMessages(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task Queue_clients_send_base64_messages_and_read_them_back_decoded()
    {
        var queue = storage.Clients.CreateQueueClient("encoding-check");
        await queue.CreateIfNotExistsAsync();
        const string body = """[{"event_id":"301","user":"mäkinen <admin>"}]""";

        await queue.SendMessageAsync(body);

        var raw = Assert.Single((await PlainClient("encoding-check").PeekMessagesAsync(1)).Value);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(body)), raw.Body.ToString());
        var decoded = Assert.Single((await queue.ReceiveMessagesAsync(1)).Value);
        Assert.Equal(body, decoded.Body.ToString());
    }

    [Fact]
    public async Task Audit_events_travel_as_base64_envelopes_holding_every_item_in_order()
    {
        var sendId = AuditEventQueue.NewSendId();
        // The first two items fill the first envelope to the byte: 64 KiB once encoded, which the queue takes.
        var fullEnvelope = Encoding.UTF8.GetByteCount($$"""{"batchId":"{{sendId}}-00001","events":[]}""");
        var items = new[] { MessagePacking.MaxItemJsonBytes, MessagePacking.MaxMessageJsonBytes - fullEnvelope - MessagePacking.MaxItemJsonBytes - 1 }
            .Concat(Enumerable.Repeat(430, 300))
            .Select((length, i) => Padded(i, length))
            .ToList();
        var progress = new List<int>();

        var batchIds = await new AuditEventQueue(storage.Clients).SendBatchesAsync(items, sendId, new SyncProgress(progress), default);

        Assert.True(batchIds.Count > 1);
        Assert.Equal(Enumerable.Range(1, batchIds.Count), progress);
        Assert.Equal(64 * 1024, (await PlainClient(QueueNames.AuditEvents).PeekMessageAsync()).Value.Body.ToString().Length);
        var envelopes = await DrainAsync(QueueNames.AuditEvents);
        Assert.Equal(batchIds, envelopes.Select(envelope => envelope.GetProperty("batchId").GetString()));
        Assert.All(batchIds, batchId => Assert.StartsWith(sendId + "-", batchId));
        Assert.Equal(items, envelopes.SelectMany(envelope => envelope.GetProperty("events").EnumerateArray().Select(item => item.GetRawText())));
    }

    [Fact]
    public async Task An_export_goes_to_the_ingest_container_as_ndjson_with_one_envelope_naming_it()
    {
        var items = new List<string>
        {
            """{"event_id":"301","user":"mäkinen"}""",
            "{\n  \"event_id\": \"302\",\r\n  \"note\": \"two\\nlines\"\n}",
            """{"event_id":"303"}""",
        };
        var sendId = AuditEventQueue.NewSendId();

        var batchId = await new AuditEventQueue(storage.Clients).SendExportAsync(items, sendId, default);

        Assert.Equal($"{sendId}-export", batchId);
        var envelope = Assert.Single(await DrainAsync(QueueNames.AuditEvents));
        var message = AuditMessageReader.Read(envelope.GetRawText());
        Assert.Equal(batchId, message.BatchId);
        Assert.Equal($"{sendId}.ndjson", message.BlobName);

        var blob = storage.Clients.CreateBlobContainerClient(IngestBlobs.ContainerName).GetBlobClient(message.BlobName);
        var lines = Encoding.UTF8.GetString((await blob.DownloadContentAsync()).Value.Content.ToArray()).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal(items.Count, lines.Length - 1);
        // Each line is its item; a pretty-printed item lands on one line with the same JSON.
        Assert.Equal(items[0], lines[0]);
        Assert.Equal(items[2], lines[2]);
        Assert.Equal(Compact(items[1]), Compact(lines[1]));
        Assert.Equal("two\nlines", JsonDocument.Parse(lines[1]).RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public async Task An_export_whose_items_fail_while_they_are_read_is_neither_committed_nor_announced()
    {
        var sendId = AuditEventQueue.NewSendId();

        var failure = await Assert.ThrowsAsync<IOException>(() => new AuditEventQueue(storage.Clients).SendExportAsync(FailingAfter(2_000), sendId, default));

        Assert.Equal("the input went away", failure.Message);
        Assert.False((await storage.Clients.CreateBlobContainerClient(IngestBlobs.ContainerName).GetBlobClient($"{sendId}.ndjson").ExistsAsync()).Value);
        Assert.DoesNotContain(await DrainAsync(QueueNames.AuditEvents), envelope => envelope.GetRawText().Contains(sendId, StringComparison.Ordinal));

        static async IAsyncEnumerable<string> FailingAfter(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return $$"""{"event_id":"100","n":{{i}},"pad":"{{new string('x', 500)}}"}""";
            }
            throw new IOException("the input went away");
        }
    }

    [Fact]
    public async Task An_export_sent_with_a_folder_lands_below_it_where_the_producers_role_allows_writes()
    {
        var sendId = AuditEventQueue.NewSendId();

        await new AuditEventQueue(storage.Clients).SendExportAsync(["""{"a":1}"""], sendId, default, folder: "producers/privx-1/");

        var message = AuditMessageReader.Read(Assert.Single(await DrainAsync(QueueNames.AuditEvents)).GetRawText());
        Assert.Equal($"producers/privx-1/{sendId}.ndjson", message.BlobName);
        Assert.True(await storage.Clients.CreateBlobContainerClient(IngestBlobs.ContainerName).GetBlobClient(message.BlobName).ExistsAsync());
    }

    [Fact]
    public async Task A_batch_whose_message_sits_in_the_poison_queue_is_found_and_no_other()
    {
        var poison = await EmptyPoisonQueueAsync();
        await poison.SendMessageAsync("""{"batchId":"other-00001","events":[]}""");
        await poison.SendMessageAsync("not json at all");
        await poison.SendMessageAsync("""{"batchId":"mine-00002","events":[{"event_id":"x"}]}""");
        var queue = new AuditEventQueue(storage.Clients);

        var poisoned = await queue.FindPoisonedAsync(["mine-00001", "mine-00002", "mine-00003"], default);

        Assert.Equal(["mine-00002"], poisoned);
        // Peeking took nothing away and counted no delivery.
        var left = (await poison.PeekMessagesAsync(32)).Value;
        Assert.Equal(3, left.Length);
        Assert.All(left, message => Assert.Equal(0, message.DequeueCount));
    }

    [Fact]
    public async Task A_poison_message_that_is_not_base64_hides_poisoned_batches_rather_than_failing()
    {
        var poison = await EmptyPoisonQueueAsync();
        await PlainClient(poison.Name).SendMessageAsync("not base64: another producer's");
        await poison.SendMessageAsync("""{"batchId":"mine-00001","events":[]}""");

        Assert.Empty(await new AuditEventQueue(storage.Clients).FindPoisonedAsync(["mine-00001"], default));
    }

    [Fact]
    public async Task Without_a_poison_queue_no_batch_is_poisoned()
    {
        await storage.Clients.CreateQueueClient(QueueNames.Poison(QueueNames.AuditEvents)).DeleteIfExistsAsync();

        Assert.Empty(await new AuditEventQueue(storage.Clients).FindPoisonedAsync(["mine-00001"], default));
    }

    [Fact]
    public async Task A_report_request_travels_as_base64_json_a_reader_accepts()
    {
        var request = ReportRequest.For(new Month(2026, 10), "cli");

        await new ReportRequestQueue(storage.Clients).SendAsync(request, default);

        var raw = Assert.Single((await PlainClient(QueueNames.ReportRequests).ReceiveMessagesAsync(1)).Value);
        Assert.Equal(request, ReportRequest.FromJson(Encoding.UTF8.GetString(Convert.FromBase64String(raw.Body.ToString()))));
    }

    [Fact]
    public async Task Producers_send_every_message_never_to_expire()
    {
        var events = new AuditEventQueue(storage.Clients);
        await events.SendBatchesAsync(["""{"event_id":"301"}"""], AuditEventQueue.NewSendId(), null, default);
        await events.SendExportAsync(["""{"event_id":"302"}"""], AuditEventQueue.NewSendId(), default);
        await new ReportRequestQueue(storage.Clients).SendAsync(ReportRequest.For(new Month(2026, 10), "cli"), default);

        // Waiting out an outage or a backlog, none may vanish after the queue's default seven days.
        var peeked = (await PlainClient(QueueNames.AuditEvents).PeekMessagesAsync(32)).Value
            .Concat((await PlainClient(QueueNames.ReportRequests).PeekMessagesAsync(32)).Value)
            .ToList();
        Assert.True(peeked.Count >= 3);
        Assert.All(peeked, message => Assert.True(message.ExpiresOn > DateTimeOffset.UtcNow.AddYears(1000), $"expires {message.ExpiresOn}"));
        await DrainAsync(QueueNames.AuditEvents);
        await PlainClient(QueueNames.ReportRequests).ClearMessagesAsync();
    }

    /// <summary>The poison queue of audit events, emptied of what other tests left there.</summary>
    private async Task<QueueClient> EmptyPoisonQueueAsync()
    {
        var poison = storage.Clients.CreateQueueClient(QueueNames.Poison(QueueNames.AuditEvents));
        await poison.DeleteIfExistsAsync();
        await poison.CreateAsync();
        return poison;
    }

    /// <summary>Receives and deletes every message of a queue, base64-decoding each body as the host would.</summary>
    private async Task<List<JsonElement>> DrainAsync(string queueName)
    {
        var bodies = new List<JsonElement>();
        var plain = PlainClient(queueName);
        while ((await plain.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                Assert.InRange(message.Body.ToString().Length, 1, 64 * 1024);
                bodies.Add(JsonDocument.Parse(Convert.FromBase64String(message.Body.ToString())).RootElement.Clone());
                await plain.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        return bodies;
    }

    /// <summary>A JSON item of exactly <paramref name="length"/> UTF-8 bytes.</summary>
    private static string Padded(int index, int length)
    {
        var head = $"{{\"event_id\":\"301\",\"n\":{index},\"pad\":\"";
        return head + new string('x', length - head.Length - 2) + "\"}";
    }

    private static string Compact(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    /// <summary>A client without base64 decoding: it shows the message as stored.</summary>
    private QueueClient PlainClient(string queueName) => new(storage.ConnectionString, queueName);

    private sealed class SyncProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
