using System.Net;
using Azure;
using ComplianceReports.Storage.Alerts;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Delivery;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Ingestion;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Storage.Signing;

namespace ComplianceReports.Storage;

public enum StorageResourceKind
{
    Queue,
    Table,
    Container,
}

/// <summary>One queue, table or blob container the application uses.</summary>
public sealed record StorageResource(StorageResourceKind Kind, string Name)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}";
}

/// <summary>
/// Every queue, table and container the application uses, made sure of once at start-up so no adapter
/// checks on each call: the local host and the tests create them; in Azure infra/ does, and the app
/// only checks, naming everything missing in one line.
/// </summary>
public sealed class StorageResources(StorageClientFactory clients)
{
    public static readonly IReadOnlyList<StorageResource> All =
    [
        new(StorageResourceKind.Queue, QueueNames.AuditEvents),
        new(StorageResourceKind.Queue, QueueNames.Poison(QueueNames.AuditEvents)),
        new(StorageResourceKind.Queue, QueueNames.ReportRequests),
        new(StorageResourceKind.Queue, QueueNames.Poison(QueueNames.ReportRequests)),
        new(StorageResourceKind.Queue, QueueNames.ReportMail),
        new(StorageResourceKind.Queue, QueueNames.Poison(QueueNames.ReportMail)),
        new(StorageResourceKind.Queue, QueueNames.ReportReviews),
        new(StorageResourceKind.Queue, QueueNames.Poison(QueueNames.ReportReviews)),
        new(StorageResourceKind.Table, TableEventStore.TableName),
        new(StorageResourceKind.Table, TableEventStore.MonthsTableName),
        new(StorageResourceKind.Table, IngestReceipts.TableName),
        new(StorageResourceKind.Table, QuarantineStore.TableName),
        new(StorageResourceKind.Table, MailDeliveries.TableName),
        new(StorageResourceKind.Table, AlertStore.TableName),
        new(StorageResourceKind.Table, ReportReviewStore.TableName),
        new(StorageResourceKind.Container, TableEventStore.RawContainerName),
        new(StorageResourceKind.Container, QuarantineStore.ContainerName),
        new(StorageResourceKind.Container, IngestBlobs.ContainerName),
        new(StorageResourceKind.Container, BlobReportStore.ContainerName),
        new(StorageResourceKind.Container, DaySealStore.ContainerName),
        new(StorageResourceKind.Container, MonthLocks.ContainerName),
        new(StorageResourceKind.Container, ReportRequestOutcomes.ContainerName),
        new(StorageResourceKind.Container, SigningCertificateStore.ContainerName),
    ];

    /// <summary>What a producer writes to: the queues it sends on and the container its exports go to.</summary>
    public static readonly IReadOnlyList<StorageResource> ProducerWrites =
    [
        new(StorageResourceKind.Queue, QueueNames.AuditEvents),
        new(StorageResourceKind.Queue, QueueNames.ReportRequests),
        new(StorageResourceKind.Queue, QueueNames.ReportReviews),
        new(StorageResourceKind.Container, IngestBlobs.ContainerName),
    ];

    public Task CreateAllAsync(CancellationToken cancellationToken) => CreateAsync(All, cancellationToken);

    /// <summary>
    /// Creates those missing. A refusal (403) means a role that may use a resource but not create it, as
    /// infra/ gives producers in Azure: someone allowed to has made it, and the caller goes ahead.
    /// </summary>
    public async Task CreateAsync(IEnumerable<StorageResource> resources, CancellationToken cancellationToken)
    {
        foreach (var resource in resources)
        {
            try
            {
                await (resource.Kind switch
                {
                    StorageResourceKind.Queue => clients.CreateQueueClient(resource.Name).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                    StorageResourceKind.Table => clients.CreateTableClient(resource.Name).CreateIfNotExistsAsync(cancellationToken),
                    _ => (Task)clients.CreateBlobContainerClient(resource.Name).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                });
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Forbidden)
            {
                // Not ours to create; the infrastructure made it.
            }
        }
    }

    /// <summary>Fails, naming every missing resource in one line, unless all of them exist.</summary>
    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        var missing = await FindMissingAsync(All, cancellationToken);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Storage account {clients.CreateBlobServiceClient().AccountName} lacks {string.Join(", ", missing)}: deploy infra/ (main.bicep), which creates them.");
        }
    }

    public async Task<IReadOnlyList<StorageResource>> FindMissingAsync(IEnumerable<StorageResource> resources, CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var table in clients.CreateTableServiceClient().QueryAsync(cancellationToken: cancellationToken))
        {
            tables.Add(table.Name);
        }
        var missing = new List<StorageResource>();
        foreach (var resource in resources)
        {
            var exists = resource.Kind switch
            {
                StorageResourceKind.Queue => (await clients.CreateQueueClient(resource.Name).ExistsAsync(cancellationToken)).Value,
                StorageResourceKind.Table => tables.Contains(resource.Name),
                _ => (await clients.CreateBlobContainerClient(resource.Name).ExistsAsync(cancellationToken)).Value,
            };
            if (!exists)
            {
                missing.Add(resource);
            }
        }
        return missing;
    }
}
