using ComplianceReports.Domain.Alerts;
using ComplianceReports.Pipeline.Alerts;
using ComplianceReports.Pipeline.Ingestion;
using ComplianceReports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>The alert timer, under a fake clock: a source silent for AlertSilenceAfter raises one alert, and only then.</summary>
public sealed class NoticingSilence(PipelineServicesOnAzurite pipeline) : IClassFixture<PipelineServicesOnAzurite>
{
    [Fact]
    public async Task A_silent_source_raises_one_alert_after_alert_silence_after_and_not_before()
    {
        var services = pipeline.Services(("AlertSilenceAfter", "02:00:00"));
        var monitoring = services.GetRequiredService<AlertMonitoring>();
        var lastHeard = new DateTimeOffset(2012, 10, 1, 8, 0, 0, TimeSpan.Zero);
        pipeline.Clock.AdjustTime(lastHeard);
        await services.GetRequiredService<AuditEventIngestion>().IngestAsync(PrivXSample.Item(100, lastHeard.AddMinutes(-5)), "last-message", default);

        pipeline.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        await monitoring.RunAsync(default);
        pipeline.Clock.Advance(TimeSpan.FromSeconds(15));
        var before = await monitoring.DispatchAsync(default);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await monitoring.RunAsync(default);
        pipeline.Clock.Advance(TimeSpan.FromSeconds(15));
        var sent = await monitoring.DispatchAsync(default);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(10));
        await monitoring.RunAsync(default);
        pipeline.Clock.Advance(TimeSpan.FromSeconds(15));
        var stillSilent = await monitoring.DispatchAsync(default);

        Assert.Empty(before);
        var alert = Assert.Single(sent);
        Assert.Equal(AlertKind.SourceSilent, alert.Kind);
        Assert.Contains("last heard 2012-10-01 08:00:00 UTC", alert.Text, StringComparison.Ordinal);
        Assert.Empty(stillSilent);
    }
}
