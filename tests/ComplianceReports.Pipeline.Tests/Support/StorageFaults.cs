using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>How an injected storage fault falls.</summary>
public enum StorageFault
{
    /// <summary>The request never arrives: a 503 or a connection reset before it was read, so nothing happened.</summary>
    Refused,

    /// <summary>The request arrives and is carried out, and its reply is lost (a time-out, a reset): it happened, and the caller cannot tell.</summary>
    ReplyLost,
}

/// <summary>
/// A storage client policy, inside the SDK's retries, that fails the requests whose running numbers
/// (from 1, across every client it is given to) are chosen. Requests run in parallel, so which request
/// a number lands on is not fixed: the faults are placed at random, as FsCheck chooses.
/// </summary>
/// <param name="counts">Which requests are numbered (and so may fail); by default all of them.</param>
public sealed class StorageFaults(IReadOnlyDictionary<int, StorageFault> faults, Func<HttpMessage, bool>? counts = null) : HttpPipelinePolicy
{
    private readonly ConcurrentBag<string> injected = [];
    private int sent;

    /// <summary>What was failed, as "METHOD path: fault".</summary>
    public IReadOnlyCollection<string> Injected => injected;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (counts?.Invoke(message) == false || !faults.TryGetValue(Interlocked.Increment(ref sent), out var fault))
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }
        injected.Add($"{message.Request.Method} {message.Request.Uri.Path}: {fault}");
        if (fault == StorageFault.ReplyLost)
        {
            await ProcessNextAsync(message, pipeline);
        }
        // What the transport throws when a connection drops: the SDK retries it as it would a 503.
        throw new IOException($"Injected: {fault}.");
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The storage clients are used asynchronously.");
}
