using System.Net;
using Azure;

namespace ComplianceReports.Storage;

/// <summary>
/// Creates a queue, table or container once per process, and again only if that failed. In Azure they
/// are provisioned by infra/ and a producer's or reader's role may not include creating them: a refusal
/// (403) means "provisioned by someone allowed to", and the call that needs the resource goes ahead.
/// </summary>
internal sealed class OnceAsync
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool done;

    public async Task RunAsync(Func<Task> setUp)
    {
        if (done)
        {
            return;
        }
        await gate.WaitAsync();
        try
        {
            if (!done)
            {
                try
                {
                    await setUp();
                }
                catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Forbidden)
                {
                    // Not ours to create; the infrastructure made it.
                }
                done = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
