using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;

namespace ComplianceReports.Cli.Commands;

public static class SendCommand
{
    public const int ProgressAboveEvents = 10_000;

    /// <summary>About 4 MB: where reading, checking and sending start to take noticeable time.</summary>
    private const int ProgressAboveBytes = 4_000_000;

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
        var ingestPath = new Option<string?>("--ingest-path")
        {
            Description = "Folder of the ingest container an export goes to, e.g. producers/privx-1: in Azure, each producer may write only below its own",
        };
        var command = new Command("send", "Put PrivX audit events on the ingestion queue, many events a message") { file, wait, timeout, ingestPath };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var source = path == "-" ? "stdin" : path;
            await using var input = await OpenInputAsync(path, cancellationToken);
            await using var reading = ReadItemsAsync(input, source, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var items = new CheckedItems(reading, source);
            await using var spool = new ItemSpool();
            var exporting = false;
            while (!exporting && await items.NextAsync() is { } item)
            {
                spool.Add(item);
                exporting = !AuditEventQueue.FitsInMessages(spool.Bytes, spool.MaxItemBytes);
            }
            int? waitSeconds = parse.GetValue(wait) ? parse.GetValue(timeout) : null;
            bool allTakenIn;
            if (exporting)
            {
                allTakenIn = await DeliverAsync(storage(parse), queue => StreamExportAsync(queue, spool, items, input, source, parse.GetValue(ingestPath), cancellationToken), waitSeconds, cancellationToken);
            }
            else if (spool.Count == 0)
            {
                Console.WriteLine($"nothing sent: {source} holds no event that can be sent");
                return items.Refused > 0 ? 1 : 0;
            }
            else
            {
                allTakenIn = await DeliverAsync(storage(parse), spool, showProgress: false, waitSeconds, cancellationToken);
            }
            return allTakenIn && items.Refused == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// Sends the items (each one PrivX item as JSON) and prints the result line; with a timeout, waits
    /// for the pipeline's receipts first. Returns whether every item went in without quarantine or poison.
    /// </summary>
    public static Task<bool> DeliverAsync(StorageClientFactory clients, ItemSpool items, bool showProgress, int? waitSeconds, CancellationToken cancellationToken) =>
        DeliverAsync(clients, async queue => (await SendAsync(queue, items, showProgress, cancellationToken), items.Count), waitSeconds, cancellationToken);

    private static async Task<bool> DeliverAsync(
        StorageClientFactory clients, Func<AuditEventQueue, Task<(IReadOnlyList<string> BatchIds, int Events)>> send, int? waitSeconds, CancellationToken cancellationToken)
    {
        await CliConnection.CreateProducerResourcesAsync(clients, cancellationToken);
        var queue = new AuditEventQueue(clients);
        var (batchIds, events) = await send(queue);
        var sent = $"sent {events} events in {batchIds.Count} messages";
        if (waitSeconds is not { } timeoutSeconds)
        {
            Console.WriteLine(sent);
            return true;
        }
        return await WaitAsync(clients, queue, batchIds, timeoutSeconds, sent, cancellationToken);
    }

    /// <summary>Sends the items in envelopes, or as one export when they are more than a few messages' worth; returns the batch ids.</summary>
    private static async Task<IReadOnlyList<string>> SendAsync(AuditEventQueue queue, ItemSpool items, bool showProgress, CancellationToken cancellationToken)
    {
        var sendId = AuditEventQueue.NewSendId();
        if (AuditEventQueue.FitsInMessages(items.Bytes, items.MaxItemBytes))
        {
            // At most a few messages: over before a progress bar would tell anything.
            return await queue.SendBatchesAsync(items.Items(), sendId, sentMessages: null, cancellationToken);
        }
        if (showProgress)
        {
            await Console.Error.WriteLineAsync($"uploading export of {items.Count:N0} events ({items.Bytes / 1e6:N1} MB)…");
        }
        return await Terminal.WithProgressAsync("uploading export", items.Count, showProgress, async progress =>
            (IReadOnlyList<string>)[await queue.SendExportAsync(items.Items().Counted(progress), sendId, cancellationToken)]);
    }

    /// <summary>
    /// More than a few messages' worth: the items read so far, then the rest as it is read, go up as one
    /// export, so reading and uploading overlap and the export is announced as soon as the input ends.
    /// Progress is the input's bytes read.
    /// </summary>
    private static async Task<(IReadOnlyList<string> BatchIds, int Events)> StreamExportAsync(
        AuditEventQueue queue, ItemSpool spooled, CheckedItems rest, Stream input, string source, string? ingestPath, CancellationToken cancellationToken)
    {
        var large = input.Length > ProgressAboveBytes;
        var batchId = await Terminal.WithProgressAsync($"reading and uploading {source}", input.Length, large, async progress =>
            await queue.SendExportAsync(ItemsAsync(progress), AuditEventQueue.NewSendId(), cancellationToken, ingestPath));
        if (large)
        {
            await Console.Error.WriteLineAsync($"read {rest.Events:N0} events ({rest.Refused:N0} refused) from {source}, uploaded as one export");
        }
        return ([batchId], rest.Events);

        async IAsyncEnumerable<string> ItemsAsync(IProgress<long>? progress)
        {
            foreach (var item in spooled.Items())
            {
                yield return item;
            }
            while (await rest.NextAsync() is { } item)
            {
                yield return item;
                progress?.Report(input.Position);
            }
        }
    }

    /// <summary>The input's events as JSON, each refused item named on standard error as it is met, and counted.</summary>
    private sealed class CheckedItems(IAsyncEnumerator<ItemReading> reading, string source)
    {
        public int Events { get; private set; }

        public int Refused { get; private set; }

        public async ValueTask<string?> NextAsync()
        {
            while (await reading.MoveNextAsync())
            {
                switch (reading.Current)
                {
                    case ReadEvent read:
                        Events++;
                        return read.Event.RawJson;
                    case RejectedItem rejected:
                        Refused++;
                        await Terminal.WriteErrorLineAsync($"{source}: {rejected.Where}: {rejected.Reason}");
                        break;
                }
            }
            return null;
        }
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

    /// <summary>
    /// NDJSON (the shape of large exports) is read a line at a time; any other shape is one JSON
    /// document, read whole, as the queue reads a message. A first line that is a whole object with
    /// more lines after it can only be NDJSON: two documents are no single one.
    /// </summary>
    private static async IAsyncEnumerable<ItemReading> ReadItemsAsync(Stream input, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ndjson = await LooksLikeNdjsonAsync(input, cancellationToken);
        input.Position = 0;
        if (ndjson)
        {
            await foreach (var item in AuditItemStream.ReadAsync(input, cancellationToken))
            {
                yield return item;
            }
            yield break;
        }
        using (var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true))
        {
            var message = AuditMessageReader.Read(await text.ReadToEndAsync(cancellationToken));
            if (message.BlobName is not null)
            {
                throw new CliException($"{source}: nothing sent: it only names the export '{message.BlobName}'; send the events themselves");
            }
            foreach (var item in message.Items)
            {
                yield return item;
            }
        }
    }

    private static async Task<bool> LooksLikeNdjsonAsync(Stream input, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true);
        string? first = null;
        while (await text.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (first is not null)
            {
                return true;
            }
            if (!IsJsonObject(line))
            {
                return false;
            }
            first = line;
        }
        return false;
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The input as a seekable stream: a file as it is, standard input copied to a temporary file first.</summary>
    private static async Task<Stream> OpenInputAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            await using var stdin = Console.OpenStandardInput();
            await stdin.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }
}
