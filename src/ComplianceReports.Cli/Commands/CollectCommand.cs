using System.CommandLine;
using System.Globalization;
using ComplianceReports.Domain.Collection;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Cli.Commands;

/// <summary>
/// Asks the collector for one bounded re-collection from PrivX. The CLI never holds PrivX credentials:
/// the request goes on a queue, and the functions fetch.
/// </summary>
public static class CollectCommand
{
    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var from = new Option<string>("--from")
        {
            Description = "Start of the span (an RFC 3339 instant such as 2026-10-01T00:00:00Z, or a UTC date such as 2026-10-01)",
            Required = true,
        };
        var to = new Option<string>("--to")
        {
            Description = "End of the span, as --from; at most 32 days after it",
            Required = true,
        };
        var instance = new Option<string?>("--instance")
        {
            Description = "The PrivX instance (PrivX__Instance of the functions); default: the one they collect from",
        };
        var command = new Command("collect", "Ask the PrivX collector to fetch a span of audit events again (the events already stored count as duplicates)") { from, to, instance };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var start = ParseInstant(parse.GetValue(from)!, "--from");
            var end = ParseInstant(parse.GetValue(to)!, "--to");
            var name = parse.GetValue(instance);
            if (name is not null && !PrivXInstanceName.IsValid(name))
            {
                throw new CliException($"--instance must be {PrivXInstanceName.Rule}, not '{name}'");
            }
            if (CollectRequest.RefuseSpan(start, end, DateTimeOffset.UtcNow) is { } refusal)
            {
                throw new CliException(refusal);
            }
            var clients = storage(parse);
            await CliConnection.CreateProducerResourcesAsync(clients, cancellationToken);
            var request = CollectRequest.For(start, end, name, requestedBy: "cli");
            await new CollectRequestQueue(clients).SendAsync(request, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"asked the collector to re-collect {name ?? "its PrivX instance"} from {start:yyyy-MM-ddTHH:mm:ssZ} to {end:yyyy-MM-ddTHH:mm:ssZ} (request {request.RequestId}); "
                + $"the events arrive on {QueueNames.AuditEvents}, and a request PrivX keeps failing ends in {QueueNames.Poison(QueueNames.CollectRequests)} (see compliance status)"));
            return 0;
        });
        return command;
    }

    private static DateTimeOffset ParseInstant(string text, string option) =>
        Rfc3339.TryParse(text, out var instant) ? instant.ToUniversalTime()
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : throw new CliException($"{option} '{text}' is not an instant: write it as 2026-10-01T00:00:00Z or 2026-10-01 (UTC)");
}
