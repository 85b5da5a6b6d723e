using System.Collections.Concurrent;
using System.Net;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>A local HTTP listener that takes webhook calls: each body exactly as received, with its signature header.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(byte[] Body, string? Signature, string? ContentType)> calls = new();

    public WebhookListener()
    {
        Url = $"http://127.0.0.1:{LoopbackPorts.Free()}/alerts/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public IReadOnlyCollection<(byte[] Body, string? Signature, string? ContentType)> Calls => calls.ToArray();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            calls.Enqueue((body.ToArray(), context.Request.Headers["X-Signature"], context.Request.ContentType));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
