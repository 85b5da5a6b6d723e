namespace ComplianceReports.EndToEnd.Tests;

/// <summary>Waits for an asynchronous pipeline to reach a state, failing with what it was waiting for.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(string what, Func<Task<T?>> probe, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(200);
        }
    }
}
