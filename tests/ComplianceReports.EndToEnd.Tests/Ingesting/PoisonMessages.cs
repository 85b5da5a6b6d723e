using System.Text.Json;
using Azure.Storage.Blobs.Specialized;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.EndToEnd.Tests;

[Collection(LocalFunctionsHostCollection.Name)]
public sealed class PoisonMessages(LocalFunctionsHostFixture host)
{
    [Fact]
    public async Task A_message_the_store_keeps_failing_on_ends_in_the_poison_queue_after_the_configured_dequeue_count()
    {
        // An event too big for a table row goes to blob storage; a lease on its blob makes that write fail
        // as a storage outage would, on every attempt.
        var item = JsonSerializer.Serialize(new
        {
            event_id = "802",
            created = "2025-02-03T04:05:06.789Z",
            message = new { username = "alice", modifications = new string('m', 40_000) },
            marker = Guid.NewGuid(),
        });
        var auditEvent = Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event;
        var rawBlobs = host.Storage.CreateBlobContainerClient(TableEventStore.RawContainerName);
        await rawBlobs.CreateIfNotExistsAsync();
        var blocked = rawBlobs.GetBlobClient($"{EventKeys.PartitionKey(auditEvent.OccurredAt)}/{EventKeys.RowKey(auditEvent)}.json");
        await blocked.UploadAsync(BinaryData.FromString("held"));
        await blocked.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(-1));

        var body = $"[{item}]";
        var queue = host.Storage.CreateQueueClient(QueueNames.AuditEvents);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(body);

        var poison = host.Storage.CreateQueueClient(QueueNames.Poison(QueueNames.AuditEvents));
        var poisoned = await Eventually.ReturnsAsync("the message in the poison queue", async () =>
        {
            if (!await poison.ExistsAsync())
            {
                return null;
            }
            var peeked = await poison.PeekMessagesAsync(32);
            return peeked.Value.FirstOrDefault(message => message.Body.ToString() == body);
        });

        Assert.Equal(body, poisoned.Body.ToString());
        // The WebJobs queue listener names the count it gave up at: host.json's, not a default.
        Assert.Contains(host.Log.Messages, message => message.Contains($"MaxDequeueCount of {MaxDequeueCountOfHostJson()}", StringComparison.Ordinal));
    }

    private static int MaxDequeueCountOfHostJson()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "host.json")));
        return hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();
    }
}
