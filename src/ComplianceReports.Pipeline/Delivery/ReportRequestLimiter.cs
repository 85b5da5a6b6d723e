using System.Collections.Concurrent;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// One report request per caller and month within <see cref="HttpAccessOptions.RequestInterval"/>: a loop or
/// an impatient script cannot flood the queue with generations of one month. Kept per instance, in memory:
/// each instance the plan scales out to allows its own, which bounds a flood without a storage round trip.
/// </summary>
public sealed class ReportRequestLimiter(HttpAccessOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Caller, string Month), DateTimeOffset> lastAccepted = new();

    /// <summary>Takes the caller's turn for the month, or says how long until it may ask again.</summary>
    public bool TryAcquire(Caller caller, string month, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var key = (caller.ToString(), month);
        while (true)
        {
            if (!lastAccepted.TryGetValue(key, out var last))
            {
                if (lastAccepted.TryAdd(key, now))
                {
                    break;
                }
                continue;
            }
            var wait = last + options.RequestInterval - now;
            if (wait > TimeSpan.Zero)
            {
                retryAfter = wait;
                return false;
            }
            if (lastAccepted.TryUpdate(key, now, last))
            {
                break;
            }
        }
        retryAfter = TimeSpan.Zero;
        Forget(now);
        return true;
    }

    /// <summary>Drops turns long over, so the table stays the size of the recent callers.</summary>
    private void Forget(DateTimeOffset now)
    {
        if (lastAccepted.Count < 1024)
        {
            return;
        }
        foreach (var (key, last) in lastAccepted)
        {
            if (last + options.RequestInterval <= now)
            {
                lastAccepted.TryRemove(KeyValuePair.Create(key, last));
            }
        }
    }
}
