using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using ComplianceReports.Cli.Simulation;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Cli.Commands;

/// <summary>A month of realistic PrivX traffic from the catalog, for demos and benchmarks, written as NDJSON or sent at once.</summary>
public static class SimulateCommand
{
    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var month = CliMonths.Option();
        var events = new Option<int>("--events")
        {
            Description = "How many audit items to make",
            Required = true,
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "Seed of the generator: the same month, count and seed give byte-identical output (default: a random seed, shown on standard error)",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write NDJSON (one item a line) to this file instead of standard output; 'compliance send FILE' takes it",
        };
        var send = new Option<bool>("--send")
        {
            Description = "Send the items to the ingestion queue as 'compliance send' does, instead of writing them",
        };
        var wait = new Option<bool>("--wait")
        {
            Description = "With --send: wait until the pipeline has taken every batch in, then report what it stored",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds --wait waits before giving up",
            DefaultValueFactory = _ => 300,
        };
        var command = new Command("simulate", "Make a month of plausible PrivX audit traffic: sessions and logins in working hours, failed logins, secrets, configuration changes, rare findings, unknown codes")
        {
            month, events, seed, output, send, wait, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = CliMonths.Parse(parse.GetValue(month)!);
            var count = parse.GetValue(events);
            if (count <= 0)
            {
                throw new CliException($"--events must be a positive number, not {count}");
            }
            var path = parse.GetValue(output);
            var sending = parse.GetValue(send);
            if (sending && path is not null)
            {
                throw new CliException("give --out FILE or --send, not both");
            }
            if (parse.GetValue(wait) && !sending)
            {
                throw new CliException("--wait waits for what --send sent: add --send");
            }
            var chosenSeed = parse.GetValue(seed) ?? RandomNumberGenerator.GetInt32(int.MaxValue);
            var large = count > SendCommand.ProgressAboveEvents;
            if (parse.GetValue(seed) is null || large)
            {
                await Console.Error.WriteLineAsync($"simulating {count:N0} events in {wanted} with seed {chosenSeed}");
            }

            var items = PrivXTrafficSimulator.Generate(wanted, count, chosenSeed);
            // A bar on the terminal the items are written to would be torn by them.
            var showProgress = large && (sending || path is not null || Console.IsOutputRedirected);
            if (sending)
            {
                await using var simulated = await Terminal.WithProgressAsync("simulating", count, showProgress, progress => Task.FromResult(ItemSpool.Of(items.Counted(progress))));
                var allTakenIn = await SendCommand.DeliverAsync(storage(parse), simulated, large, parse.GetValue(wait) ? parse.GetValue(timeout) : null, cancellationToken);
                return allTakenIn ? 0 : 1;
            }
            if (path is null)
            {
                await Terminal.WithProgressAsync("simulating", count, showProgress, progress => WriteAsync(Console.Out, items.Counted(progress), cancellationToken));
                return 0;
            }
            try
            {
                await using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await Terminal.WithProgressAsync("simulating", count, showProgress, progress => WriteAsync(file, items.Counted(progress), cancellationToken));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {path}: {e.Message}");
            }
            Console.WriteLine($"wrote {count} events of {wanted} (seed {chosenSeed}) to {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter writer, IEnumerable<string> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(item);
            // "\n" whatever the platform, so a seed gives the same bytes everywhere.
            await writer.WriteAsync('\n');
        }
        await writer.FlushAsync(cancellationToken);
    }
}
