using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>The timer, a scaled-out instance and a user asking at the same moment still make one report per month and version.</summary>
public sealed class RacingGenerators(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task Generators_racing_for_one_month_publish_exactly_one_version()
    {
        var month = new Month(2016, 8);
        var events = Enumerable.Range(0, 50).Select(i => Parse(PrivXSample.Item(100 + i % 3, month.StartUtc.AddHours(i * 7), $"user{i % 5}")));
        pipeline.Clock.AdjustTime(month.EndUtc.AddDays(1));
        await pipeline.Services().GetRequiredService<TableEventStore>().AppendAsync(events, default);

        // Separate service providers: separate instances, as on separate hosts, sharing only storage.
        var generators = new[] { "timer", "cli", "http", "instance-2" }
            .Select(who => (Generation: pipeline.Services(("ReportOrganisation", who)).GetRequiredService<ReportGeneration>(), Request: ReportRequest.For(month, who)))
            .ToList();
        var outcomes = await Task.WhenAll(generators.Select(g => Task.Run(() => g.Generation.ServeAsync(g.Request, default))));

        var versions = await pipeline.Services().GetRequiredService<BlobReportStore>().ListVersionsAsync(month, default);
        Assert.Equal(1, Assert.Single(versions).Version);
        Assert.All(outcomes, outcome => Assert.Equal((1, 50L), (outcome.Version, outcome.EventCount)));
        Assert.Single(outcomes, outcome => outcome.NewVersion);
    }

    private static AuditEvent Parse(string item) => Assert.IsType<ReadEvent>(Assert.Single(AuditMessageReader.Read(item).Items)).Event;
}
