using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Connection;

namespace ComplianceReports.Storage.Reports;

/// <summary>
/// One report generator per month at a time, across instances, by a blob lease. The lease lapses on its
/// own if its holder dies, so a crashed generator never blocks a month for longer than a lease period.
/// </summary>
public sealed class MonthLocks(StorageClientFactory clients)
{
    public const string ContainerName = "report-locks";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);
    private readonly OnceAsync created = new();

    /// <summary>Waits up to <paramref name="maxWait"/> for the month's lease; throws <see cref="TimeoutException"/> after that.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(Month month, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        await created.RunAsync(() => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        var blob = container.GetBlobClient($"{month}.lock");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // The lock blob exists already, perhaps leased: both are fine.
        }

        var lease = blob.GetBlobLeaseClient();
        var deadline = DateTimeOffset.UtcNow + maxWait;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return new Held(lease);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(RetryEvery, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
            {
                throw new TimeoutException($"Another generator has held the {month} report for over {maxWait.TotalSeconds:0} s.", e);
            }
        }
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient lease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewal;

        public Held(BlobLeaseClient lease)
        {
            this.lease = lease;
            renewal = RenewAsync(stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await renewal;
            stop.Dispose();
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // The lease has lapsed or was broken: it is free either way.
            }
        }

        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(RenewEvery, cancellationToken);
                    await lease.RenewAsync(cancellationToken: cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Released by its holder.
            }
        }
    }
}
