using System.Net;
using System.Text.Json;
using ComplianceReports.Domain.Reporting;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// Everything the hosted pipeline logs, at every level, through ingestion, quarantine, generation,
/// downloads and a request over HTTP: names the caller, never what the events hold.
/// </summary>
public sealed class KeepingPersonalDataOutOfTheLog(KeepingPersonalDataOutOfTheLog.TracedHost host) : IClassFixture<KeepingPersonalDataOutOfTheLog.TracedHost>
{
    private const string User = "zz-logcheck-user";
    private const string Address = "198.51.100.77";
    private const string Secret = "zz-logcheck-secret";
    private const string Payload = "zz-logcheck-payload";
    private const string Refused = "zz-logcheck-refused";

    [Fact]
    public async Task No_event_payload_user_name_address_or_secret_name_appears_at_any_level()
    {
        var month = new Month(2014, 3);
        var pipeline = new PipelineClient(host.Storage);
        var receipt = await pipeline.SendEnvelopeAsync("logcheck-1", [
            Item(100, "2014-03-03T09:00:00.000Z", new { username = User, remoteAddress = Address, note = Payload }),
            Item(260, "2014-03-04T10:00:00.000Z", new { username = User, secretName = Secret, note = Payload }),
            JsonSerializer.Serialize(new { event_id = "100", note = Refused, message = new { username = User } }),
        ]);
        var manifest = await pipeline.GenerateAsync(month);
        using var http = new HttpClient { BaseAddress = host.HttpBaseAddress };
        using var evidence = await http.GetAsync($"api/reports/2014-03/versions/{manifest.Version}/evidence");
        using var pdf = await http.GetAsync("api/reports/2014-03");
        using var requested = await http.PostAsync("api/reports/2014-03", content: null);

        Assert.Equal((2, 1), (receipt.Stored, receipt.Quarantined));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Accepted), (evidence.StatusCode, pdf.StatusCode, requested.StatusCode));
        var log = host.Log.Messages.ToList();
        // The log did run at every level, and it names who downloaded.
        Assert.Contains(log, line => line.StartsWith("DownloadReportEvidence /api/reports/2014-03/versions/", StringComparison.Ordinal) && line.Contains("local developer", StringComparison.Ordinal));
        Assert.Contains(log, line => line.Contains("logcheck-1", StringComparison.Ordinal));
        foreach (var secret in new[] { User, Address, Secret, Payload, Refused })
        {
            Assert.DoesNotContain(log, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string Item(int code, string created, object message) =>
        JsonSerializer.Serialize(new
        {
            service_id = "5f1c0000-0000-4000-8000-000000000001",
            service_name = "ssh-proxy",
            event_id = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            created,
            message,
        });

    /// <summary>The hosted pipeline on an account of its own, logging everything (Trace and up).</summary>
    public sealed class TracedHost() : LocalFunctionsHostFixture("0 0 0 1 1 *", minimumLogLevel: LogLevel.Trace);
}
