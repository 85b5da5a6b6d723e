using System.Text;
using Azure.Storage.Queues;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.EndToEnd.Tests;

[Collection(LocalFunctionsHostCollection.Name)]
public sealed class PoisonMessages(LocalFunctionsHostFixture host)
{
    [Fact]
    public async Task A_message_the_ingestion_function_throws_on_ends_in_the_poison_queue_after_the_configured_dequeue_count()
    {
        var body = "this is not JSON " + Guid.NewGuid();
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
        var properties = await queue.GetPropertiesAsync();
        Assert.Equal(0, properties.Value.ApproximateMessagesCount);
        // The WebJobs queue listener names the count it gave up at: host.json's, not a default.
        Assert.Contains(host.Log.Messages, message => message.Contains($"MaxDequeueCount of {MaxDequeueCountOfHostJson()}", StringComparison.Ordinal));
    }

    private static int MaxDequeueCountOfHostJson()
    {
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "host.json")));
        return hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();
    }
}
