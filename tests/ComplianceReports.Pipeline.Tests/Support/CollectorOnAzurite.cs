using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Collection;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Storage.Collection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>
/// The collector of the pipeline's services, fetching from a PrivX stand-in whose clock is the
/// fixture's; each test names an instance of its own, so each has a checkpoint of its own.
/// </summary>
public static class CollectorOnAzurite
{
    public static IServiceProvider Collector(this PipelineServicesOnAzurite pipeline, PrivXStandIn privx, string instance, params (string Key, string Value)[] settings)
    {
        var all = privx.Settings();
        all["PrivX:Instance"] = instance;
        all["PrivX:PageSize"] = "50";
        // Retries wait on the clock, which is the test's fake one here: the API client's own tests retry on a real one.
        all["PrivX:RetryAttempts"] = "0";
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return pipeline.Services([.. all.Select(setting => (setting.Key, setting.Value!))]);
    }

    public static Task<Domain.Collection.CollectorState> StateAsync(this PipelineServicesOnAzurite pipeline, string instance) =>
        pipeline.Services().GetRequiredService<CollectorStates>().GetAsync(instance, default);

    /// <summary>Takes every message off the audit-events queue and ingests it, as the ingest function would; returns their batch ids.</summary>
    public static async Task<IReadOnlyList<string>> IngestQueuedAsync(this PipelineServicesOnAzurite pipeline)
    {
        var queue = pipeline.Storage.CreateQueueClient(QueueNames.AuditEvents);
        var ingestion = pipeline.Services().GetRequiredService<AuditEventIngestion>();
        var batchIds = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                var body = message.Body.ToString();
                batchIds.Add(Domain.Contracts.IngestEnvelope.TryFromJson(body)!.BatchId);
                await ingestion.IngestAsync(body, message.MessageId, default);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        return batchIds;
    }

    public static Task<int> StoredCountAsync(this PipelineServicesOnAzurite pipeline, Month month) =>
        pipeline.Services().GetRequiredService<TableEventStore>().ReadMonthAsync(month, default).CountAsync().AsTask();

    public static Task<Domain.Collection.CollectorRunOutcome?> RunAsync(this IServiceProvider collector, CancellationToken cancellationToken = default) =>
        collector.GetRequiredService<PrivXCollection>().CollectAsync(cancellationToken);
}
