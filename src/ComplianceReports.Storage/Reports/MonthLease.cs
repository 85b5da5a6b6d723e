using Azure;
using Azure.Storage.Blobs.Specialized;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Storage.Reports;

/// <summary>
/// A held month lock, renewed in the background until disposed. Renewal alone cannot protect a write:
/// a lease broken between two renewals is noticed only at the next one. So a writer calls
/// <see cref="EnsureHeldAsync"/> right before each write it must not make without the lease.
/// </summary>
public sealed class MonthLease : IAsyncDisposable
{
    private readonly Month month;
    private readonly BlobLeaseClient lease;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task renewal;

    internal MonthLease(Month month, BlobLeaseClient lease, TimeSpan renewEvery)
    {
        this.month = month;
        this.lease = lease;
        renewal = RenewAsync(renewEvery, stop.Token);
    }

    /// <summary>Cancelled when a background renewal fails: whatever the holder still does is no longer protected.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Renews the lease now; throws <see cref="MonthLeaseLostException"/> if it is no longer ours.</summary>
    public async Task EnsureHeldAsync(CancellationToken cancellationToken)
    {
        if (lost.IsCancellationRequested)
        {
            throw new MonthLeaseLostException(month);
        }
        try
        {
            await lease.RenewAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e)
        {
            await lost.CancelAsync();
            throw new MonthLeaseLostException(month, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewal;
        stop.Dispose();
        lost.Dispose();
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // The lease has lapsed or was broken: it is free either way.
        }
    }

    private async Task RenewAsync(TimeSpan renewEvery, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(renewEvery, cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Released by its holder.
        }
        catch (RequestFailedException)
        {
            // Broken, or lapsed and taken: the holder learns it from Lost or its next EnsureHeldAsync.
            await lost.CancelAsync();
        }
    }
}
