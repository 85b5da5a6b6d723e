namespace ComplianceReports.Storage;

/// <summary>Runs a piece of set-up once per process, and again only if it failed.</summary>
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
                await setUp();
                done = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
