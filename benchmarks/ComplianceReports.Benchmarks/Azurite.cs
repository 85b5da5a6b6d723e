using System.Net;
using System.Net.Sockets;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// A fresh Azurite for one group of runs, in memory (with <c>--location</c> it rewrites its whole table
/// file every few seconds and crashed near 342,000 rows) and with a V8 heap sized for the rows it will
/// hold: 1,000,000 events take about 5 GB, more than Node's default heap of about 4 GiB.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>
    /// An account of the benchmark's own (AZURITE_ACCOUNTS), as the tests lease theirs, with Azurite's
    /// well-known development key: public, and only ever used against the emulator.
    /// </summary>
    private const string Account = "benchmark";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFEsA/EJ7AxEP/7klpqw==";

    private readonly ChildProcess node;

    private Azurite(ChildProcess node, string connectionString)
    {
        this.node = node;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public double PeakMB => node.PeakMB;

    public double CpuSeconds => node.CpuSeconds;

    /// <summary>The heap limit for a store of <paramref name="events"/> events: 7 KB a row, above the 5 KB one takes, and 2 GB for the rest.</summary>
    private static int HeapFor(long events) => (int)(2048 + events * 7 / 1000);

    public static async Task<Azurite> StartAsync(BenchmarkPaths paths, long events, string logPath, CancellationToken cancellationToken)
    {
        var (blob, queue, table) = FreePorts();
        var heapMB = HeapFor(events);
        var node = ChildProcess.Start(
            "node",
            [
                $"--max-old-space-size={heapMB}", paths.AzuriteScript,
                "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
                "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
            ],
            new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = $"{Account}:{Key}" },
            paths.Work,
            logPath);
        try
        {
            foreach (var service in new[] { "Blob", "Queue", "Table" })
            {
                await node.WaitForLineAsync($"Azurite {service} service is successfully listening", TimeSpan.FromSeconds(60), cancellationToken);
            }
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        var connection = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};"
            + $"BlobEndpoint=http://127.0.0.1:{blob}/{Account};QueueEndpoint=http://127.0.0.1:{queue}/{Account};TableEndpoint=http://127.0.0.1:{table}/{Account};";
        return new Azurite(node, connection);
    }

    public ValueTask DisposeAsync() => node.DisposeAsync();

    /// <summary>
    /// Distinct free ports of 127.0.0.1 for Azurite's three services: every listener is held until all are
    /// known, as one closed at once may be handed out again and two services would then share a port.
    /// </summary>
    public static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToList();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            listeners.ForEach(listener => listener.Dispose());
        }
    }
}
