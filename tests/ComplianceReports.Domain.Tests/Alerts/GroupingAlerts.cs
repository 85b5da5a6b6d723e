using ComplianceReports.Domain.Alerts;

namespace ComplianceReports.Domain.Tests.Alerts;

/// <summary>The alert rules, pure: signals of a kind grouped while they keep coming, one alert per kind, an hourly cap that holds rather than drops.</summary>
public class GroupingAlerts
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly AlertPolicy Policy = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(40), MaxPerHour: 3);

    [Fact]
    public void A_group_waits_while_signals_keep_coming_and_goes_once_quiet()
    {
        PendingSignal[] pending = [Finding(1006, "a", T0), Finding(1006, "b", T0.AddSeconds(6))];

        var tooSoon = AlertRules.Plan(pending, 0, Policy, T0.AddSeconds(12));
        var quiet = AlertRules.Plan(pending, 0, Policy, T0.AddSeconds(16));

        Assert.Empty(tooSoon.Send);
        Assert.Equal(2, tooSoon.Waiting.Count);
        var (alert, signals) = Assert.Single(quiet.Send);
        Assert.Equal((AlertKind.Finding, 2L, 2), (alert.Kind, alert.Count, signals.Count));
        Assert.Empty(quiet.Waiting);
    }

    [Fact]
    public void A_group_that_never_goes_quiet_goes_at_most_forty_seconds_after_its_first_signal()
    {
        var pending = Enumerable.Range(0, 9).Select(i => Finding(1006, $"e{i}", T0.AddSeconds(i * 5))).ToList();

        var plan = AlertRules.Plan(pending, 0, Policy, T0.AddSeconds(41));

        Assert.Equal(9L, Assert.Single(plan.Send).Alert.Count);
    }

    [Fact]
    public void Signals_of_one_kind_make_one_alert_counted_by_subject_and_kinds_make_alerts_of_their_own()
    {
        PendingSignal[] pending =
        [
            Finding(1006, "a", T0), Finding(1006, "b", T0), Finding(1301, "c", T0),
            new(AlertSignal.Quarantined("message-1", 0, 4, T0), T0),
        ];

        var plan = AlertRules.Plan(pending, 0, Policy, T0.AddMinutes(1));

        Assert.Equal([AlertKind.Finding, AlertKind.Quarantine], plan.Send.Select(sent => sent.Alert.Kind));
        var findings = plan.Send[0].Alert;
        Assert.Equal([new AlertSubject("1006", 2, "Name of 1006"), new AlertSubject("1301", 1, "Name of 1301")], findings.Subjects);
        Assert.Equal("3 finding events stored", findings.Title);
        Assert.Equal(4L, plan.Send[1].Alert.Count);
    }

    [Fact]
    public void Over_the_hourly_cap_alerts_wait_and_none_is_dropped()
    {
        PendingSignal[] pending =
        [
            Finding(1006, "a", T0),
            new(AlertSignal.Quarantined("message-1", 0, 1, T0.AddSeconds(1)), T0.AddSeconds(1)),
            new(AlertSignal.Poisoned("audit-events-poison", 1, T0.AddSeconds(2)), T0.AddSeconds(2)),
        ];

        var capped = AlertRules.Plan(pending, sentInLastHour: 2, Policy, T0.AddMinutes(1));
        var full = AlertRules.Plan(pending, sentInLastHour: 3, Policy, T0.AddMinutes(1));

        // The oldest goes first.
        Assert.Equal([AlertKind.Finding], capped.Send.Select(sent => sent.Alert.Kind));
        Assert.Equal(2, capped.Waiting.Count);
        Assert.Empty(full.Send);
        Assert.Equal(3, full.Waiting.Count);
    }

    [Fact]
    public void A_silent_source_is_one_signal_for_all_its_services_and_a_silent_service_is_its_own()
    {
        var services = new Dictionary<string, DateTimeOffset> { ["ssh-proxy"] = T0, ["web-proxy"] = T0.AddHours(3) };

        var sourceSilent = SilenceRules.Check(T0.AddHours(3), services, TimeSpan.FromHours(2), T0.AddHours(5));
        var serviceSilent = SilenceRules.Check(T0.AddHours(3), services, TimeSpan.FromHours(2), T0.AddHours(4));
        var neverHeard = SilenceRules.Check(null, new Dictionary<string, DateTimeOffset>(), TimeSpan.FromHours(2), T0);

        Assert.Equal([AlertKind.SourceSilent], sourceSilent.Select(signal => signal.Kind));
        Assert.Equal([("ssh-proxy", AlertKind.ServiceSilent)], serviceSilent.Select(signal => (signal.Subject, signal.Kind)));
        Assert.Empty(neverHeard);
    }

    [Fact]
    public void A_silence_is_one_cause_until_the_service_is_heard_again()
    {
        Assert.Equal(AlertSignal.ServiceSilent("ssh-proxy", T0).Cause, AlertSignal.ServiceSilent("ssh-proxy", T0).Cause);
        Assert.NotEqual(AlertSignal.ServiceSilent("ssh-proxy", T0).Cause, AlertSignal.ServiceSilent("ssh-proxy", T0.AddHours(3)).Cause);
    }

    [Fact]
    public void The_webhook_body_carries_text_kind_times_and_counts()
    {
        var alert = Assert.Single(AlertRules.Plan([Finding(1006, "a", T0)], 0, Policy, T0.AddMinutes(1)).Send).Alert;

        var body = System.Text.Json.JsonDocument.Parse(alert.ToWebhookJson()).RootElement;

        Assert.Equal("PrivX compliance alert: 1 finding event stored (2026-10-05 09:00:00 UTC).\n- 1006 (Name of 1006): 1", body.GetProperty("text").GetString());
        Assert.Equal("finding", body.GetProperty("kind").GetString());
        Assert.Equal(1, body.GetProperty("count").GetInt64());
        Assert.Equal(T0, body.GetProperty("firstAt").GetDateTimeOffset());
        Assert.Equal("service-silent", new Alert(AlertKind.ServiceSilent, T0, T0, T0, 1, []).KindName);
    }

    [Fact]
    public void Failures_of_the_collector_and_of_reports_say_how_often_and_why()
    {
        PendingSignal[] pending =
        [
            new(AlertSignal.CollectorFailed("privx-collector", "2026-10-05T09:00", "HTTP 503", T0), T0),
            new(AlertSignal.CollectorFailed("privx-collector", "2026-10-05T09:05", "HTTP 503", T0.AddMinutes(5)), T0.AddMinutes(5)),
            new(AlertSignal.ReportFailed("2026-09", "request-1", "RequestFailedException", T0), T0),
        ];

        var alerts = AlertRules.Plan(pending, 0, Policy, T0.AddMinutes(6)).Send.Select(sent => sent.Alert).ToList();

        Assert.Equal(["The PrivX collector failed 2 times", "Report generation failed"], alerts.Select(alert => alert.Title));
        Assert.EndsWith("- privx-collector (HTTP 503): 2", alerts[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("- 2026-09 (RequestFailedException)", alerts[1].Text, StringComparison.Ordinal);
    }

    private static PendingSignal Finding(int code, string identity, DateTimeOffset at) =>
        new(AlertSignal.Finding(code, $"Name of {code}", identity, at), at);
}
