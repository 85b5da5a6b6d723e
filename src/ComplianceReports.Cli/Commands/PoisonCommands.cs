using System.CommandLine;
using System.Globalization;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Poison;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Cli.Commands;

/// <summary>The messages the host gave up on, kept by the pipeline: read them, and put one back once its cause is fixed.</summary>
public static class PoisonCommands
{
    /// <summary>Enough of a message's text in a table to recognise it; <c>--full</c> prints all of it.</summary>
    private const int TextPreviewLength = 80;

    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var command = new Command("poison", "List the poisoned messages the pipeline keeps, and put one back on its queue");
        command.Subcommands.Add(List(storage));
        command.Subcommands.Add(Retry(storage));
        return command;
    }

    private static Command List(Func<ParseResult, StorageClientFactory> storage)
    {
        var full = new Option<bool>("--full") { Description = "Print each message whole, with its last error, instead of a table" };
        var command = new Command("list", "List the poisoned messages held, oldest first: id, queue, when poisoned, attempts, why") { full };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clients = await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            var messages = await new PoisonStore(clients).ListAsync(cancellationToken);
            if (messages.Count == 0)
            {
                Console.WriteLine("no poisoned messages held");
                return 0;
            }
            if (parse.GetValue(full))
            {
                foreach (var message in messages)
                {
                    Console.WriteLine($"{message.Id}  {message.Queue}  poisoned {When(message.PoisonedAt)}  attempts {Attempts(message)}");
                    Console.WriteLine($"  why: {Why(message)}");
                    Console.WriteLine($"  text: {message.Text}");
                }
                return 0;
            }
            Terminal.WriteTable(
                ["ID", "QUEUE", "POISONED AT (UTC)", "ATTEMPTS", "WHY", "TEXT"],
                messages.Select(message => (IReadOnlyList<string>)
                [
                    message.Id, message.Queue, When(message.PoisonedAt), Attempts(message),
                    UntrustedText.ForLog(Why(message).Split('\n')[0], TextPreviewLength),
                    UntrustedText.ForLog(message.Text, TextPreviewLength),
                ]),
                rightAligned: [3]);
            return 0;
        });
        return command;
    }

    private static Command Retry(Func<ParseResult, StorageClientFactory> storage)
    {
        var id = new Argument<string>("ID") { Description = "The id `compliance poison list` shows" };
        var command = new Command("retry", "Put a poisoned message back on its queue, as it was (never to expire), and stop holding it") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clients = await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            var store = new PoisonStore(clients);
            var wanted = parse.GetValue(id)!;
            var message = await store.FindAsync(wanted, cancellationToken)
                ?? throw new CliException($"no poisoned message {wanted} is held (compliance poison list shows those that are)");
            // Sent before it is forgotten: a failure in between sends it twice, which ingestion and report
            // requests both take as once, rather than losing it.
            await new PoisonQueues(clients).SendBackAsync(message.Queue, message.Text, cancellationToken);
            await store.RemoveAsync(message, cancellationToken);
            Console.WriteLine($"put {message.Id} back on {message.Queue}");
            return 0;
        });
        return command;
    }

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Attempts(PoisonedMessage message) =>
        message.DequeueCount?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Why(PoisonedMessage message) => message.LastError ?? "no error was recorded";
}
