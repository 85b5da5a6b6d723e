using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReports.Domain.Alerts;

/// <summary>Signals of one subject within an alert: how many, and a short fact about it.</summary>
public sealed record AlertSubject(string Subject, long Count, string? Detail);

/// <summary>
/// One alert as sent: signals of one kind, grouped. <see cref="Text"/> is the whole message as people
/// read it; the webhook body (<see cref="ToWebhookJson"/>) carries it as <c>text</c>, which Teams and
/// Slack incoming webhooks show as it is, beside the same facts as fields for a program.
/// </summary>
public sealed record Alert(AlertKind Kind, DateTimeOffset RaisedAt, DateTimeOffset FirstAt, DateTimeOffset LastAt, long Count, IReadOnlyList<AlertSubject> Subjects)
{
    public string Title => Kind switch
    {
        AlertKind.Finding => $"{Count} finding {Plural("event")} stored",
        AlertKind.Quarantine => $"{Count} {Plural("item")} quarantined",
        AlertKind.Poison => $"{Count} {Plural("message")} gave up and went to a poison queue",
        AlertKind.ServiceSilent => $"{Subjects.Count} PrivX {(Subjects.Count == 1 ? "service" : "services")} silent",
        AlertKind.SourceSilent => "No PrivX events arrive",
        AlertKind.CollectorFailed => $"The PrivX collector failed{Times}",
        AlertKind.ReportOverdue => $"{Subjects.Count} {(Subjects.Count == 1 ? "report is" : "reports are")} overdue",
        AlertKind.ReportFailed => $"Report generation failed{Times}",
        AlertKind.ReviewOverdue => $"{Subjects.Count} report {(Subjects.Count == 1 ? "version" : "versions")} unreviewed",
        _ => Kind.ToString(),
    };

    public string Text
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"PrivX compliance alert: {Title}");
            text.Append(FirstAt == LastAt
                ? $" ({AlertSignal.Time(FirstAt)})."
                : $" (from {AlertSignal.Time(FirstAt)} to {AlertSignal.Time(LastAt)}).");
            foreach (var subject in Subjects)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {subject.Subject}");
                if (subject.Detail is { } detail)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {Parenthesised(detail)}");
                }
                if (subject.Count != 1 || Kind is AlertKind.Finding or AlertKind.Quarantine or AlertKind.Poison)
                {
                    text.Append(CultureInfo.InvariantCulture, $": {subject.Count}");
                }
            }
            return text.ToString();
        }
    }

    public byte[] ToWebhookJson() => JsonSerializer.SerializeToUtf8Bytes(
        new AlertWebhookBody(Text, KindName, Title, RaisedAt, FirstAt, LastAt, Count, Subjects),
        AlertJson.Default.AlertWebhookBody);

    /// <summary>The kind as the webhook names it: <c>finding</c>, <c>service-silent</c>, …</summary>
    public string KindName => string.Concat(Kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    private string Times => Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" {Count} times");

    private string Plural(string noun) => Count == 1 ? noun : noun + "s";

    private static string Parenthesised(string detail) => $"({detail})";
}

/// <summary>The webhook's JSON body; <c>text</c> first, for incoming webhooks that show only it.</summary>
public sealed record AlertWebhookBody(
    string Text, string Kind, string Title, DateTimeOffset RaisedAt, DateTimeOffset FirstAt, DateTimeOffset LastAt, long Count, IReadOnlyList<AlertSubject> Subjects);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AlertWebhookBody))]
internal sealed partial class AlertJson : JsonSerializerContext;
