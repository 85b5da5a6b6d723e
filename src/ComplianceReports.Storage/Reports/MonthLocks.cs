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

    /// <summary>Waits up to <paramref name="maxWait"/> for the month's lease; throws <see cref="TimeoutException"/> after that. Dispose the lease to let go.</summary>
    public async Task<MonthLease> AcquireAsync(Month month, TimeSpan maxWait, CancellationToken cancellationToken)
    {
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
                return new MonthLease(month, lease, RenewEvery);
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
}
