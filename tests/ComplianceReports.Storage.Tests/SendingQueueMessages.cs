using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplianceReports.Domain.Reporting;
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
    public async Task Audit_events_travel_as_base64_json_arrays_holding_every_item_in_order()
    {
        var items = Enumerable.Range(0, 300).Select(i => $$"""{"event_id":"301","n":{{i}},"pad":"{{new string('x', 400)}}"}""").ToList();
        var progress = new List<int>();

        var sent = await new AuditEventQueue(storage.Clients).SendAsync(items, new SyncProgress(progress), default);

        Assert.True(sent > 1);
        Assert.Equal(Enumerable.Range(1, sent), progress);
        var received = new List<string>();
        var plain = PlainClient(QueueNames.AuditEvents);
        while ((await plain.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                Assert.InRange(message.Body.ToString().Length, 1, 64 * 1024);
                using var document = JsonDocument.Parse(Convert.FromBase64String(message.Body.ToString()));
                Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
                received.AddRange(document.RootElement.EnumerateArray().Select(item => item.GetRawText()));
                await plain.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        Assert.Equal(items, received);
    }

    [Fact]
    public async Task A_report_request_travels_as_base64_json_a_reader_accepts()
    {
        var request = ReportRequest.For(new Month(2026, 10), "cli");

        await new ReportRequestQueue(storage.Clients).SendAsync(request, default);

        var raw = Assert.Single((await PlainClient(QueueNames.ReportRequests).ReceiveMessagesAsync(1)).Value);
        Assert.Equal(request, ReportRequest.FromJson(Encoding.UTF8.GetString(Convert.FromBase64String(raw.Body.ToString()))));
    }

    /// <summary>A client without base64 decoding: it shows the message as stored.</summary>
    private QueueClient PlainClient(string queueName) => new(storage.ConnectionString, queueName);

    private sealed class SyncProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
