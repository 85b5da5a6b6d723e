using ComplianceReports.Functions;
using ComplianceReports.LocalHost;
using ComplianceReports.LocalHost.Http;
using ComplianceReports.Pipeline;
using ComplianceReports.Pipeline.Collection;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: ComplianceReports.LocalHost [APP_DIR]  — APP_DIR holds host.json and local.settings.json (default: current directory).
var appDirectory = Path.GetFullPath(args.FirstOrDefault() ?? ".");
var localSettings = Path.Combine(appDirectory, "local.settings.json");
using var stop = new OperatorStop();
while (true)
{
    var restart = new HostRestart(stop.Token);
    using var host = LocalFunctionsHost.Build(new LocalHostOptions(
        Path.Combine(appDirectory, "host.json"),
        File.Exists(localSettings) ? localSettings : null,
        Restart: restart));

    if (!host.SettingsAreValid("ComplianceReports.LocalHost"))
    {
        return 1;
    }
    try
    {
        await host.StartAsync(stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C while it still waited for storage.
        return 0;
    }
    var configuration = host.Services.GetRequiredService<IConfiguration>();
    var storage = host.Services.GetRequiredService<StorageClientFactory>().Connection;
    var collector = host.Services.GetRequiredService<CollectorOptions>();
    Console.WriteLine(
        $"Compliance functions host started against {storage}: " +
        $"{IngestAuditEventsFunction.Name} on queue {QueueNames.AuditEvents}, " +
        $"{ServeReportRequestFunction.Name} on queue {QueueNames.ReportRequests}, " +
        $"{RecordReviewFunction.Name} on queue {QueueNames.ReportReviews}, " +
        $"{RequestMonthlyReportsFunction.Name} on schedule '{configuration["ReportSchedule"]}' (UTC), " +
        $"{DeliverReportMailFunction.Name} on queue {QueueNames.ReportMail}, " +
        $"{MonitorAlertsFunction.Name} on schedule '{FunctionSchedules.AlertSchedule}', " +
        $"{CollectPrivXEventsFunction.Name} on schedule '{configuration[FunctionSchedules.CollectScheduleKey]}' (UTC; {(collector.Connection is { } privx ? $"collecting from {privx} as instance {collector.Instance}" : "off: no PrivX__BaseUrl")}), " +
        $"{KeepPoisonedMessagesFunction.Name} on schedule '{configuration["PoisonSchedule"]}' (UTC), " +
        $"HTTP functions on {host.Services.GetRequiredService<LocalHttpServer>().BaseAddress}api/reports. Press Ctrl+C to stop.");
    await host.WaitForShutdownAsync(stop.Token);
    if (stop.Requested || !restart.Requested)
    {
        return 0;
    }
    Console.WriteLine($"Compliance functions host restarting after a listener failed: {restart.Reason}");
}
