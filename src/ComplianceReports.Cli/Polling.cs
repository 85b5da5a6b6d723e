namespace ComplianceReports.Cli;

/// <summary>How the CLI waits for the pipeline: it only reads storage, so it asks again until the answer is there or time is up.</summary>
public static class Polling
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    /// <summary>Asks <paramref name="done"/> at once, then every half second until it says yes or <paramref name="timeoutSeconds"/> have passed; returns its last answer.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> done, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            if (await done())
            {
                return true;
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }
            await Task.Delay(Every, cancellationToken);
        }
    }
}
