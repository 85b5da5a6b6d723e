using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.LocalHost;

#pragma warning disable CS0618 // IDistributedLockManager is marked "not ready for public consumption"; it is still the SDK's only seam for its singleton locks.

/// <summary>
/// Releases the SDK's singleton locks (a timer function's listener lock) without failing when storage
/// is away. A host stops because storage went away (<see cref="HostRestart"/>), so releasing its blob
/// lease then fails; the SDK's listener keeps the handle of a lock it failed to release, tries to
/// release it again on dispose, stops the lock's renewal timer a second time and throws, and that
/// exception ends the process. A lease nobody renews expires by itself within its lock period, which
/// is all a release would have done sooner, so the failure is logged and the stop goes on.
/// </summary>
internal sealed partial class ExpiringLockRelease(IDistributedLockManager inner, ILogger<ExpiringLockRelease> logger) : IDistributedLockManager
{
    private static readonly TimeSpan ReleaseTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>Wraps the lock manager registered so far, whatever its type.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(service => service.ServiceType == typeof(IDistributedLockManager))
            ?? throw new InvalidOperationException("No IDistributedLockManager is registered: AddAzureStorageCoreServices must come first.");
        services.Remove(registered);
        services.AddSingleton<IDistributedLockManager>(provider => new ExpiringLockRelease(
            registered switch
            {
                { ImplementationInstance: IDistributedLockManager instance } => instance,
                { ImplementationFactory: { } factory } => (IDistributedLockManager)factory(provider),
                _ => (IDistributedLockManager)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            },
            provider.GetRequiredService<ILogger<ExpiringLockRelease>>()));
    }

    public Task<IDistributedLock> TryLockAsync(string account, string lockId, string lockOwnerId, string proposedLeaseId, TimeSpan lockPeriod, CancellationToken cancellationToken) =>
        inner.TryLockAsync(account, lockId, lockOwnerId, proposedLeaseId, lockPeriod, cancellationToken);

    public Task<bool> RenewAsync(IDistributedLock lockHandle, CancellationToken cancellationToken) => inner.RenewAsync(lockHandle, cancellationToken);

    public Task<string> GetLockOwnerAsync(string account, string lockId, CancellationToken cancellationToken) => inner.GetLockOwnerAsync(account, lockId, cancellationToken);

    public async Task ReleaseLockAsync(IDistributedLock lockHandle, CancellationToken cancellationToken)
    {
        // Storage away, the client's retries would hold a stopping host for twenty seconds and more.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ReleaseTimeLimit);
        try
        {
            await inner.ReleaseLockAsync(lockHandle, bounded.Token);
        }
        catch (Exception failure)
        {
            // Cancelled too (the host's shutdown time-out): any release that did not happen leaves the handle behind.
            LogNotReleased(lockHandle.LockId, failure.Message.Split('\n')[0]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lock {LockId} ({Reason}); it expires by itself within its lock period")]
    private partial void LogNotReleased(string lockId, string reason);
}
