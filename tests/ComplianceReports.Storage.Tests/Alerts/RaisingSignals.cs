using Azure.Core;
using Azure.Core.Pipeline;
using ComplianceReports.Domain.Alerts;
using ComplianceReports.Storage.Alerts;
using ComplianceReports.Storage.Connection;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

public class RaisingSignals(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly AlertStore alerts = new(storage.Clients);

    [Fact]
    public async Task Signals_raised_together_are_each_recorded_once_and_those_raised_before_are_not_raised_again()
    {
        var at = Utc(2022, 6, 1, 9);
        // More causes than one query's filter may compare, with slashes and a question mark a key must not hold.
        var signals = Enumerable.Range(0, 40).Select(i => AlertSignal.Finding(1006, "Access denied", $"id/{i}?", at.AddSeconds(i))).ToList();

        var first = await alerts.RaiseAsync(signals.Take(25).Append(signals[3]).ToList(), at, default);
        var second = await alerts.RaiseAsync(signals, at.AddMinutes(1), default);
        // The class's other test raises signals of its own in the same table.
        var pending = (await alerts.PendingAsync(default)).Where(signal => signal.Signal.Cause.StartsWith("finding:id/", StringComparison.Ordinal)).ToList();

        Assert.Equal(signals.Take(25), first);
        Assert.Equal(signals.Skip(25), second);
        Assert.Equal(signals.Select(signal => signal.Cause).Order(StringComparer.Ordinal), pending.Select(signal => signal.Signal.Cause).Order(StringComparer.Ordinal));
        Assert.All(pending, signal => Assert.Equal(signals.IndexOf(signal.Signal) < 25 ? at : at.AddMinutes(1), signal.RaisedAt));
    }

    [Fact]
    public async Task A_cause_another_instance_records_between_the_query_and_the_write_leaves_the_others_recorded()
    {
        var at = Utc(2022, 7, 1, 9);
        var signals = Enumerable.Range(0, 3).Select(i => AlertSignal.Finding(1006, "Access denied", $"race-{i}", at)).ToList();
        // The other instance raises the second while this one is between its query and its writes.
        var racing = new AlertStore(new StorageClientFactory(storage.Clients.Connection, options =>
            options.AddPolicy(new AfterCauseQuery(() => alerts.RaiseAsync([signals[1]], at, default)), HttpPipelinePosition.PerCall)));

        var raised = await racing.RaiseAsync(signals, at, default);
        var again = await alerts.RaiseAsync(signals, at, default);

        // Both wrote race-1's one pending row: each is pending once.
        Assert.Equal(signals, raised);
        Assert.Empty(again);
        Assert.Equal(3, (await alerts.PendingAsync(default)).Count(signal => signal.Signal.Cause.StartsWith("finding:race-", StringComparison.Ordinal)));
    }

    /// <summary>Runs an action once, right after the first query of the causes partition has been answered.</summary>
    private sealed class AfterCauseQuery(Func<Task> action) : HttpPipelinePolicy
    {
        private bool done;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (!done && message.Request.Method == RequestMethod.Get && Uri.UnescapeDataString(message.Request.Uri.Query).Contains("PartitionKey eq 'cause'", StringComparison.Ordinal))
            {
                done = true;
                await action();
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store is used asynchronously.");
    }
}
