using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ComplianceReports.Storage.Connection;

/// <summary>Builds every storage client of the application from one <see cref="StorageConnection"/>.</summary>
public sealed class StorageClientFactory
{
    private readonly StorageConnection connection;
    private readonly Lazy<TokenCredential> credential;

    public StorageClientFactory(StorageConnection connection, TokenCredential? credential = null)
    {
        this.connection = connection;
        this.credential = new Lazy<TokenCredential>(() => credential ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = connection.ManagedIdentityClientId,
        }));
    }

    public StorageConnection Connection => connection;

    public TableServiceClient CreateTableServiceClient() =>
        connection.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString)
            : new TableServiceClient(connection.TableServiceUri, credential.Value);

    public BlobServiceClient CreateBlobServiceClient() =>
        connection.ConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString)
            : new BlobServiceClient(connection.BlobServiceUri, credential.Value);

    /// <summary>Queue clients always use base64 messages, as the Functions host is configured to in host.json.</summary>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return connection.ConnectionString is { } connectionString
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(connection.QueueServiceUri, credential.Value, options);
    }

    public QueueClient CreateQueueClient(string queueName) => CreateQueueServiceClient().GetQueueClient(queueName);

    public TableClient CreateTableClient(string tableName) => CreateTableServiceClient().GetTableClient(tableName);

    public BlobContainerClient CreateBlobContainerClient(string containerName) => CreateBlobServiceClient().GetBlobContainerClient(containerName);
}
