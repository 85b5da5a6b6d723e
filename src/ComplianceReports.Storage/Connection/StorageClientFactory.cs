using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ComplianceReports.Storage.Connection;

/// <summary>
/// Builds every storage client of the application from one <see cref="StorageConnection"/>. Each service
/// client is built once and shared: they are thread-safe and hold the connection pool and credential
/// cache that a client per adapter would build again.
/// </summary>
public sealed class StorageClientFactory
{
    private readonly StorageConnection connection;
    private readonly Lazy<TokenCredential> credential;
    private readonly Action<ClientOptions>? configureOptions;
    private readonly Lazy<TableServiceClient> tables;
    private readonly Lazy<BlobServiceClient> blobs;
    private readonly Lazy<QueueServiceClient> queues;
    private readonly Lazy<QueueServiceClient> undecodedQueues;

    public StorageClientFactory(StorageConnection connection, TokenCredential? credential = null)
    {
        this.connection = connection;
        this.credential = new Lazy<TokenCredential>(() => credential ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = connection.ManagedIdentityClientId,
        }));
        tables = new Lazy<TableServiceClient>(BuildTableServiceClient);
        blobs = new Lazy<BlobServiceClient>(BuildBlobServiceClient);
        queues = new Lazy<QueueServiceClient>(() => BuildQueueServiceClient(QueueMessageEncoding.Base64));
        undecodedQueues = new Lazy<QueueServiceClient>(() => BuildQueueServiceClient(QueueMessageEncoding.None));
    }

    /// <summary>
    /// Clients whose options (retries, timeouts) <paramref name="configureOptions"/> adjusts: for an
    /// interactive caller who would rather hear at once that storage cannot be reached than after the
    /// SDK's default minutes of retries.
    /// </summary>
    public StorageClientFactory(StorageConnection connection, Action<ClientOptions> configureOptions, TokenCredential? credential = null)
        : this(connection, credential)
    {
        this.configureOptions = configureOptions;
    }

    public StorageConnection Connection => connection;

    public TableServiceClient CreateTableServiceClient() => tables.Value;

    public BlobServiceClient CreateBlobServiceClient() => blobs.Value;

    public QueueServiceClient CreateQueueServiceClient() => queues.Value;

    private TableServiceClient BuildTableServiceClient()
    {
        var options = Configured(new TableClientOptions());
        return connection.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(connection.TableServiceUri, credential.Value, options);
    }

    private BlobServiceClient BuildBlobServiceClient()
    {
        var options = Configured(new BlobClientOptions());
        return connection.ConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(connection.BlobServiceUri, credential.Value, options);
    }

    /// <summary>Queue clients use base64 messages, as the Functions host is configured to in host.json.</summary>
    private QueueServiceClient BuildQueueServiceClient(QueueMessageEncoding encoding)
    {
        var options = Configured(new QueueClientOptions { MessageEncoding = encoding });
        return connection.ConnectionString is { } connectionString
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(connection.QueueServiceUri, credential.Value, options);
    }

    private TOptions Configured<TOptions>(TOptions options)
        where TOptions : ClientOptions
    {
        configureOptions?.Invoke(options);
        return options;
    }

    public QueueClient CreateQueueClient(string queueName) => CreateQueueServiceClient().GetQueueClient(queueName);

    /// <summary>A queue client that leaves message text as it lies, for reading what a producer may have sent without base64.</summary>
    public QueueClient CreateUndecodedQueueClient(string queueName) => undecodedQueues.Value.GetQueueClient(queueName);

    public TableClient CreateTableClient(string tableName) => CreateTableServiceClient().GetTableClient(tableName);

    public BlobContainerClient CreateBlobContainerClient(string containerName) => CreateBlobServiceClient().GetBlobContainerClient(containerName);
}
