using System.Net;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using ComplianceReports.Storage.Connection;
using Microsoft.Azure.WebJobs.Extensions.Timers;

namespace ComplianceReports.LocalHost;

/// <summary>
/// Remembers each timer's last and next occurrence in blob storage, as the Functions host does, so a
/// restarted host knows a run is past due. It stands in for the timer extension's own
/// StorageScheduleMonitor, which fails to load beside WebJobs.Host.Storage 5.
/// </summary>
public sealed class BlobScheduleMonitor(StorageClientFactory clients, HostIdentity host) : ScheduleMonitor
{
    private const string ContainerName = "azure-webjobs-hosts";

    private readonly BlobContainerClient container = clients.CreateBlobContainerClient(ContainerName);

    public override async Task<ScheduleStatus?> GetStatusAsync(string timerName)
    {
        try
        {
            var content = await Blob(timerName).DownloadContentAsync();
            var stored = JsonSerializer.Deserialize<StoredStatus>(content.Value.Content.ToMemory().Span);
            return stored is null ? null : new ScheduleStatus { Last = stored.Last, Next = stored.Next, LastUpdated = stored.LastUpdated };
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public override async Task UpdateStatusAsync(string timerName, ScheduleStatus status)
    {
        await container.CreateIfNotExistsAsync();
        var stored = new StoredStatus(status.Last, status.Next, status.LastUpdated);
        await Blob(timerName).UploadAsync(new BinaryData(JsonSerializer.SerializeToUtf8Bytes(stored)), overwrite: true);
    }

    private BlobClient Blob(string timerName) => container.GetBlobClient($"timers/{host.Id}/{timerName}/status");

    private sealed record StoredStatus(DateTime Last, DateTime Next, DateTime LastUpdated);
}
