namespace ComplianceReports.Storage.Poison;

/// <summary>
/// A message the host gave up on, kept for good: its text and what is known of why, so an operator can
/// read it and put it back once the cause is fixed.
/// </summary>
/// <param name="Id">The id it had on the poison queue, which names it for <c>compliance poison retry</c>.</param>
/// <param name="Queue">The queue it was meant for, one of <see cref="Queues.PoisonQueues.Sources"/>.</param>
/// <param name="Cause">Why it could not even be read, when that is the reason (an encoding a producer got wrong).</param>
/// <param name="DequeueCount">How many attempts the last failure was, when one was recorded.</param>
/// <param name="LastError">The last attempt's error, when one was recorded.</param>
/// <param name="PoisonedAt">When the host moved it to the poison queue.</param>
/// <param name="KeptAt">When it was taken off the poison queue into this store.</param>
public sealed record PoisonedMessage(
    string Id,
    string Queue,
    string Text,
    string? Cause,
    long? DequeueCount,
    string? LastError,
    DateTimeOffset PoisonedAt,
    DateTimeOffset KeptAt);

/// <summary>How many poisoned messages are held, for which queue, and since when: what status and the alert on poison read.</summary>
/// <param name="ByQueue">The queue each was meant for, to how many are held for it.</param>
public sealed record PoisonSummary(int Count, DateTimeOffset? OldestPoisonedAt, IReadOnlyDictionary<string, int> ByQueue);
