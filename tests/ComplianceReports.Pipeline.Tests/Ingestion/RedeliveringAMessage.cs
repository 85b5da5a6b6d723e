using Azure.Core;
using Azure.Core.Pipeline;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Events;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>A message whose first attempt died after committing some of its events is redelivered, and its month still gets its report.</summary>
public sealed class RedeliveringAMessage(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Theory]
    [InlineData(2014, 1, "after the first of its two transactions", 1)]
    [InlineData(2014, 2, "after both its transactions", 2)]
    public async Task The_month_of_a_message_redelivered_after_a_partly_committed_attempt_gets_its_report(int year, int monthNumber, string diedWhen, int diesAfterTransaction)
    {
        var month = new Month(year, monthNumber);
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1));
        // Two days, two partitions: two transactions.
        var message = Enumerable.Range(0, 6).Select(i => Parse(PrivXSample.Item(100, month.StartUtc.AddDays(i / 3).AddHours(i), $"user{i}"))).ToList();
        var dying = pipeline.ServicesWithStorage(options => options.AddPolicy(new DieAfterTransaction(diesAfterTransaction), HttpPipelinePosition.PerCall));

        await Assert.ThrowsAsync<HostDiedException>(() => dying.GetRequiredService<TableEventStore>().AppendAsync(message, default));
        var storedBefore = await pipeline.Services().GetRequiredService<TableEventStore>().ReadMonthAsync(month, default).CountAsync();
        var redelivered = await pipeline.Services().GetRequiredService<TableEventStore>().AppendAsync(message, default);
        var requests = await pipeline.Services().GetRequiredService<ReportScheduling>().RequestDueReportsAsync(default);
        var request = Assert.Single(requests, request => request.Month == month.ToString());
        var outcome = await pipeline.Services().GetRequiredService<ReportGeneration>().ServeAsync(request, default);

        // The transactions run side by side, so one that was in flight when the host died may have committed too.
        Assert.InRange(storedBefore, 3 * diesAfterTransaction, 6);
        Assert.Equal(6 - storedBefore, redelivered.Stored);
        Assert.True(outcome.NewVersion, diedWhen);
        Assert.Equal((1, 6L), (outcome.Version, outcome.EventCount));
    }

    private static AuditEvent Parse(string item) => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event;

    private sealed class HostDiedException() : Exception("The host stopped right after a transaction committed.");

    /// <summary>Lets the first <paramref name="transactions"/> transactions commit, then fails as a host that stopped would.</summary>
    private sealed class DieAfterTransaction(int transactions) : HttpPipelinePolicy
    {
        private int sent;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (EventTransactions.IsEventTransaction(message) && ++sent == transactions)
            {
                throw new HostDiedException();
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store is used asynchronously.");
    }
}
