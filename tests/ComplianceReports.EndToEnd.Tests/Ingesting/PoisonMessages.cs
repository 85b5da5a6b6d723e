using System.Text.Json;
using Azure.Storage.Blobs.Specialized;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

[Collection(LocalFunctionsHostCollection.Name)]
public sealed class PoisonMessages(LocalFunctionsHostFixture host) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-poison-");

    [Fact]
    public async Task A_message_the_store_keeps_failing_on_is_kept_with_its_last_error_and_goes_through_once_put_back()
    {
        // An event too big for a table row goes to blob storage; a leased blob of other content under its
        // name makes that write fail, as a storage fault would, on every attempt.
        var item = JsonSerializer.Serialize(new
        {
            event_id = "802",
            created = "2025-02-03T04:05:06.789Z",
            message = new { username = "alice", modifications = new string('m', 40_000) },
            marker = Guid.NewGuid(),
        });
        var auditEvent = Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event;
        var rawBlobs = host.Storage.CreateBlobContainerClient(TableEventStore.RawContainerName);
        var blocked = rawBlobs.GetBlobClient($"{EventKeys.PartitionKey(auditEvent.OccurredAt)}/{EventKeys.RowKey(auditEvent)}.json");
        await blocked.UploadAsync(BinaryData.FromString("held"));
        var lease = blocked.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(-1));

        var body = $"[{item}]";
        await host.Storage.CreateQueueClient(QueueNames.AuditEvents).SendMessageAsync(body);
        // Beside it, on another queue, a review of a version never published fails every attempt too.
        var review = ReviewRequest.Create(new Month(1999, 1), 9, "Ada Auditor", null, null, DateTimeOffset.UtcNow, ReviewRequest.ViaCli).ToJson();
        await host.Storage.CreateQueueClient(QueueNames.ReportReviews).SendMessageAsync(review);
        var kept = await Eventually.ReturnsAsync("the message kept as poisoned", () => KeptAsync(body));

        // The WebJobs queue listener names the count it gave up at: host.json's, not a default.
        var maxDequeueCount = MaxDequeueCountOfHostJson();
        Assert.Contains(host.Log.Messages, message => message.Contains($"MaxDequeueCount of {maxDequeueCount}", StringComparison.Ordinal));
        Assert.Equal((QueueNames.AuditEvents, (long?)maxDequeueCount, null), (kept.Queue, kept.DequeueCount, kept.Cause));
        Assert.Contains("already holds other content", kept.LastError, StringComparison.Ordinal);
        Assert.InRange(kept.KeptAt - kept.PoisonedAt, TimeSpan.Zero, TimeSpan.FromMinutes(5));

        var list = await RunAsync("poison", "list");
        var status = await RunAsync("status");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(list.Output.Split('\n'), line => line.StartsWith(kept.Id, StringComparison.Ordinal) && line.Contains(QueueNames.AuditEvents, StringComparison.Ordinal));
        Assert.Matches(@"poisoned messages held: [1-9]\d*, the oldest poisoned \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ (d|h|min|s)( \d+ (h|min|s))? ago\)", status.Output);

        // The cause fixed, the message put back goes through once.
        await lease.BreakAsync(TimeSpan.Zero);
        await blocked.DeleteAsync();
        var retry = await RunAsync("poison", "retry", kept.Id);
        Assert.Equal((0, $"put {kept.Id} back on {QueueNames.AuditEvents}"), (retry.ExitCode, retry.Output));
        var store = new TableEventStore(host.Storage, TimeProvider.System);
        var stored = await Eventually.ReturnsAsync("the event stored", async () =>
            await store.ReadDaysAsync(auditEvent.OccurredAt, auditEvent.OccurredAt.AddTicks(1), default).Where(e => e.KeyIdentity == auditEvent.Identity).ToListAsync() is { Count: > 0 } found ? found : null);
        Assert.Single(stored);
        Assert.Null(await new PoisonStore(host.Storage).FindAsync(kept.Id, default));
        Assert.Equal(1, (await RunAsync("poison", "retry", kept.Id)).ExitCode);

        // Every queue's trigger notes its failed attempts, not the ingestion's alone.
        var keptReview = await Eventually.ReturnsAsync("the review kept as poisoned", () => KeptAsync(review));
        Assert.Equal((QueueNames.ReportReviews, (long?)maxDequeueCount), (keptReview.Queue, keptReview.DequeueCount));
        Assert.Contains("There is no version 9 of the 1999-01 report to review.", keptReview.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_sent_without_base64_is_kept_with_its_text_and_the_cause_and_nothing_is_quarantined()
    {
        // What a producer on the Azure SDK for JavaScript sends by default: the text as it is.
        var body = JsonSerializer.Serialize(new[] { new { event_id = "100", created = "2025-02-04T05:06:07Z", marker = Guid.NewGuid() } });
        var plain = host.Storage.CreateUndecodedQueueClient(QueueNames.AuditEvents);
        await plain.SendMessageAsync(body);

        var kept = await Eventually.ReturnsAsync("the undecodable message kept", () => KeptAsync(body));

        Assert.StartsWith("not base64: set the producer's MessageEncoding", kept.Cause, StringComparison.Ordinal);
        Assert.Equal((body, kept.Cause, (long?)1), (kept.Text, kept.LastError, kept.DequeueCount));
        var quarantined = await new QuarantineStore(host.Storage).ReadAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)), default).ToListAsync();
        Assert.DoesNotContain(quarantined, item => item.OriginalText.Contains(body, StringComparison.Ordinal));
    }

    public void Dispose() => work.Delete(recursive: true);

    private async Task<PoisonedMessage?> KeptAsync(string text) =>
        (await new PoisonStore(host.Storage).ListAsync(default)).FirstOrDefault(message => message.Text == text);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CommandLine.RunAsync(host.ConnectionString, work.FullName, arguments);

    private static int MaxDequeueCountOfHostJson()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "host.json")));
        return hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();
    }
}
