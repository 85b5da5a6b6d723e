using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>
/// A TCP proxy in front of Azurite's three endpoints that resets connections at random, some before the
/// request reaches storage and some after storage answered (the reply cut off, the commit done): what a
/// load balancer or a flaky network does to a storage client.
/// </summary>
public sealed partial class ResettingProxy : IAsyncDisposable
{
    private readonly List<TcpListener> listeners = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Random random;
    private readonly double resetChance;
    private int resets;

    private ResettingProxy(int seed, double resetChance)
    {
        random = new Random(seed);
        this.resetChance = resetChance;
    }

    /// <summary>The connection string through the proxy.</summary>
    public string ConnectionString { get; private set; } = "";

    public int Resets => resets;

    /// <summary>Proxies every endpoint of <paramref name="connectionString"/>, resetting each connection with the given chance.</summary>
    public static ResettingProxy Start(string connectionString, int seed, double resetChance)
    {
        var proxy = new ResettingProxy(seed, resetChance);
        proxy.ConnectionString = Endpoint().Replace(connectionString, match =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            proxy.listeners.Add(listener);
            _ = proxy.AcceptAsync(listener, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        });
        return proxy;
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listeners.ForEach(listener => listener.Stop());
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, int upstreamPort)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            double draw;
            lock (random)
            {
                draw = random.NextDouble();
            }
            _ = RelayAsync(client, upstreamPort, draw < resetChance / 2 ? Cut.BeforeRequest : draw < resetChance ? Cut.AfterReply : Cut.Never);
        }
    }

    private enum Cut { Never, BeforeRequest, AfterReply }

    private async Task RelayAsync(TcpClient client, int upstreamPort, Cut cut)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                if (cut == Cut.BeforeRequest)
                {
                    Reset(client);
                    return;
                }
                await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stopping.Token);
                var up = PumpAsync(client.GetStream(), upstream.GetStream(), onFirstBytes: null);
                var down = PumpAsync(upstream.GetStream(), client.GetStream(), onFirstBytes: cut == Cut.AfterReply ? () => Reset(client) : null);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection is gone, by our doing or the other end's.
            }
        }
    }

    /// <summary>Copies until either end closes; with <paramref name="onFirstBytes"/>, the first reply bytes arrive at storage's side and go no further.</summary>
    private static async Task PumpAsync(Stream from, Stream to, Action? onFirstBytes)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            if (onFirstBytes is not null)
            {
                onFirstBytes();
                return;
            }
            await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    /// <summary>An RST, not a FIN: a linger of zero drops the connection at once.</summary>
    private void Reset(TcpClient client)
    {
        Interlocked.Increment(ref resets);
        client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Endpoint();
}
