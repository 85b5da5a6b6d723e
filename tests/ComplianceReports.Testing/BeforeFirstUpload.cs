using Azure.Core;
using Azure.Core.Pipeline;

namespace ComplianceReports.Testing;

/// <summary>
/// A storage client policy that runs <paramref name="action"/> (breaking a lease, say, as another party
/// would) the moment the first upload to a path containing <paramref name="pathPart"/> goes out, then
/// lets that upload go on.
/// </summary>
public sealed class BeforeFirstUpload(string pathPart, Func<Task> action) : HttpPipelinePolicy
{
    private int ran;

    public bool Ran => ran == 1;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.Contains(pathPart, StringComparison.Ordinal) && Interlocked.Exchange(ref ran, 1) == 0)
        {
            await action();
        }
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The storage clients are used asynchronously.");
}
