using System.CommandLine;
using System.Text;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Cli.Commands;

public static class SendCommand
{
    /// <summary>
    /// Above a few messages' worth, one export blob and one message beat many messages: Azurite's queue
    /// deletes slow down with depth, and the pipeline streams an export in flat memory.
    /// </summary>
    private const long ExportAboveBytes = 4L * MessagePacking.MaxMessageJsonBytes;

    public const int ProgressAboveEvents = 10_000;

    /// <summary>About 4 MB: where reading, checking and sending start to take noticeable time.</summary>
    private const int ProgressAboveChars = 4_000_000;

    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "PrivX audit events: one item, a JSON array of items, a REST page {\"count\":N,\"items\":[...]}, NDJSON (one item a line) "
                + "or an envelope {\"batchId\":\"...\",\"events\":[...]}; '-' reads standard input",
        };
        var wait = new Option<bool>("--wait")
        {
            Description = "Wait until the pipeline has taken in every batch sent, then report what it stored",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds --wait waits before giving up",
            DefaultValueFactory = _ => 300,
        };
        var command = new Command("send", "Put PrivX audit events on the ingestion queue, many events a message") { file, wait, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var source = path == "-" ? "stdin" : path;
            var text = path == "-" ? await ReadStandardInputAsync(cancellationToken) : await ReadFileAsync(path, cancellationToken);

            var message = AuditMessageReader.Read(text);
            if (message.BlobName is not null)
            {
                throw new CliException($"{source}: nothing sent: it only names the export '{message.BlobName}'; send the events themselves");
            }
            var refused = message.Rejected.ToList();
            foreach (var item in refused)
            {
                await Console.Error.WriteLineAsync($"{source}: {item.Where}: {item.Reason}");
            }
            var items = message.Events.Select(e => e.RawJson).ToList();
            var large = items.Count > ProgressAboveEvents || text.Length > ProgressAboveChars;
            if (large)
            {
                await Console.Error.WriteLineAsync($"read {items.Count:N0} events ({refused.Count:N0} refused) from {source}");
            }
            if (items.Count == 0)
            {
                Console.WriteLine($"nothing sent: {source} holds no event that can be sent");
                return refused.Count > 0 ? 1 : 0;
            }

            var allTakenIn = await DeliverAsync(storage(parse), items, large, parse.GetValue(wait) ? parse.GetValue(timeout) : null, cancellationToken);
            return allTakenIn && refused.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// Sends the items (each one PrivX item as JSON) and prints the result line; with a timeout, waits
    /// for the pipeline's receipts first. Returns whether every item went in without quarantine or poison.
    /// </summary>
    public static async Task<bool> DeliverAsync(
        StorageClientFactory clients, List<string> items, bool showProgress, int? waitSeconds, CancellationToken cancellationToken)
    {
        await CliConnection.CreateProducerResourcesAsync(clients, cancellationToken);
        var queue = new AuditEventQueue(clients);
        var batchIds = await SendAsync(queue, items, showProgress, cancellationToken);
        var sent = $"sent {items.Count} events in {batchIds.Count} messages";
        if (waitSeconds is not { } timeoutSeconds)
        {
            Console.WriteLine(sent);
            return true;
        }
        return await WaitAsync(clients, queue, batchIds, timeoutSeconds, sent, cancellationToken);
    }

    /// <summary>Sends the items in envelopes, or as one export when they are more than a few messages' worth; returns the batch ids.</summary>
    private static async Task<IReadOnlyList<string>> SendAsync(AuditEventQueue queue, List<string> items, bool showProgress, CancellationToken cancellationToken)
    {
        var sendId = AuditEventQueue.NewSendId();
        var sizes = items.Select(Encoding.UTF8.GetByteCount).ToList();
        var bytes = sizes.Sum(size => (long)size);
        if (bytes <= ExportAboveBytes && sizes.Max() <= MessagePacking.MaxItemJsonBytes)
        {
            // At most a few messages: over before a progress bar would tell anything.
            return await queue.SendBatchesAsync(items, sendId, sentMessages: null, cancellationToken);
        }
        if (showProgress)
        {
            await Console.Error.WriteLineAsync($"uploading export of {items.Count:N0} events ({bytes / 1e6:N1} MB)…");
        }
        return await Terminal.WithProgressAsync("uploading export", items.Count, showProgress, async progress =>
            (IReadOnlyList<string>)[await queue.SendExportAsync(items.Counted(progress), sendId, cancellationToken)]);
    }

    /// <summary>
    /// Polls the receipts of the batches, and the poison queue for those without one, until each is
    /// accounted for or time is up; prints what happened and whether all went in without quarantine.
    /// </summary>
    private static async Task<bool> WaitAsync(
        StorageClientFactory clients, AuditEventQueue queue, IReadOnlyList<string> batchIds, int timeoutSeconds, string sent, CancellationToken cancellationToken)
    {
        var receipts = new IngestReceipts(clients);
        var found = new List<IngestReceipt>();
        var poisoned = new List<string>();
        var waiting = batchIds.ToList();
        await Polling.UntilAsync(async () =>
        {
            foreach (var batchId in waiting.ToList())
            {
                if (await receipts.FindAsync(batchId, cancellationToken) is { } receipt)
                {
                    found.Add(receipt);
                    waiting.Remove(batchId);
                }
            }
            if (waiting.Count > 0)
            {
                var lost = await queue.FindPoisonedAsync(waiting, cancellationToken);
                poisoned.AddRange(lost);
                waiting.RemoveAll(lost.Contains);
            }
            return waiting.Count == 0;
        }, timeoutSeconds, cancellationToken);

        foreach (var batchId in poisoned)
        {
            await Console.Error.WriteLineAsync($"batch {batchId} failed: its message is in {QueueNames.Poison(QueueNames.AuditEvents)}");
        }
        if (waiting.Count > 0)
        {
            await Console.Error.WriteLineAsync($"timed out after {timeoutSeconds} s waiting for {waiting.Count} of {batchIds.Count} batches");
        }
        var quarantined = found.Sum(receipt => receipt.Quarantined);
        Console.WriteLine($"{sent}: stored {found.Sum(receipt => receipt.Stored)}, duplicates {found.Sum(receipt => receipt.Duplicates)}, quarantined {quarantined}");
        return quarantined == 0 && poisoned.Count == 0 && waiting.Count == 0;
    }

    private static async Task<string> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        // UTF-8 whatever the terminal's locale, as PrivX exports are.
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        return await input.ReadToEndAsync(cancellationToken);
    }

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }
}
