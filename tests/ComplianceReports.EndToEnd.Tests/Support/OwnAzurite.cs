using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// An Azurite of a test's own, not the shared one: on free ports, its data on disk, stopped with SIGTERM
/// (it saves on exit, as Azure never loses an acknowledged write; kill -9 would lose its last five
/// seconds) and started again on the same ports with the same data.
/// </summary>
public sealed class OwnAzurite : IAsyncDisposable
{
    /// <summary>An account of its own rather than devstoreaccount1, whose path-style signing the WebJobs queue client and Azurite disagree on.</summary>
    private const string Account = "faults";

    /// <summary>Azurite's well-known development key: public, and only ever used against the emulator.</summary>
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFEsA/EJ7AxEP/7klpqw==";

    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("compliance-own-azurite-");
    private readonly int blobPort;
    private readonly int queuePort;
    private readonly int tablePort;

    public OwnAzurite() => (blobPort, queuePort, tablePort) = Benchmarks.Azurite.FreePorts();
    private Process? process;

    /// <summary>Where it listens, whether or not it runs yet.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AZURITE_ACCOUNTS"] = $"{Account}:{Key}" },
        };
        foreach (var argument in new[]
        {
            Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            "--location", data.FullName, "--skipApiVersionCheck", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(Listens(blobPort) && Listens(queuePort) && Listens(tablePort)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start on ports {blobPort}, {queuePort}, {tablePort}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Stops it as an orderly shutdown would: SIGTERM, and its data saved.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited)
        {
            return;
        }
        await Signals.TerminateAsync(process, TimeSpan.FromSeconds(30));
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        data.Delete(recursive: true);
    }


    private static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
