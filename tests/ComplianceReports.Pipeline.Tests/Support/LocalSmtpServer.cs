using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>A real SMTP server in the test process (SmtpServer 11.1.0) on a loopback port of its own; it keeps every mail it takes.</summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly Inbox inbox = new();
    private CancellationTokenSource? running;
    private Task? serving;

    /// <summary>A port nobody listens on until <see cref="Start"/>: connecting before then is an outage.</summary>
    public int Port { get; } = LoopbackPorts.Free();

    public IReadOnlyCollection<MimeMessage> Received => inbox.Messages;

    /// <summary>The settings that send mail here.</summary>
    public (string Key, string Value)[] Settings(string from = "compliance@example.com") =>
        [("Smtp:Host", "127.0.0.1"), ("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Smtp:Security", "None"), ("Smtp:From", from)];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(inbox);
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (running is not null)
        {
            await running.CancelAsync();
            await serving!.ContinueWith(_ => { }, TaskScheduler.Default);
            running.Dispose();
        }
    }

    private sealed class Inbox : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> messages = new();

        public IReadOnlyCollection<MimeMessage> Messages => messages.ToArray();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
