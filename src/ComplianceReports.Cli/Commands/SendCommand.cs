using System.CommandLine;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Cli.Commands;

public static class SendCommand
{
    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "PrivX audit events: a JSON array of items, a REST page {\"count\":N,\"items\":[...]}, or one item; '-' reads standard input",
        };
        var command = new Command("send", "Put PrivX audit events on the ingestion queue, many events a message") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await ReadFileAsync(path, cancellationToken);
            IReadOnlyList<AuditEvent> events;
            try
            {
                events = PrivXEventParser.ParseMessage(text);
            }
            catch (InvalidAuditEventException e)
            {
                throw new CliException($"{path}: nothing sent: {e.Message}");
            }

            var messages = await new AuditEventQueue(storage(parse)).SendAsync(events.Select(e => e.RawJson), sentMessages: null, cancellationToken);
            Console.WriteLine($"sent {events.Count} events in {messages} messages to queue {QueueNames.AuditEvents}");
            return 0;
        });
        return command;
    }

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }
}
