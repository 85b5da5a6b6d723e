using Azure.Core;
using ComplianceReports.Storage.Connection;
using static ComplianceReports.Storage.Tests.ConnectingWithAConnectionString;

namespace ComplianceReports.Storage.Tests;

/// <summary>
/// Identity-based settings as the Functions host reads them. In environment variables they are written
/// <c>AzureWebJobsStorage__accountName</c>; configuration sees that as <c>AzureWebJobsStorage:accountName</c>.
/// </summary>
public class ConnectingWithAnIdentity
{
    [Fact]
    public void An_account_name_points_every_client_at_that_accounts_public_endpoints()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "contosoaudit")));

        Assert.NotNull(connection);
        Assert.True(connection.UsesIdentity);
        Assert.Null(connection.ConnectionString);
        var clients = new StorageClientFactory(connection, new UnusedCredential());
        Assert.Equal("https://contosoaudit.table.core.windows.net", Trimmed(clients.CreateTableServiceClient().Uri));
        Assert.Equal("https://contosoaudit.queue.core.windows.net", Trimmed(clients.CreateQueueServiceClient().Uri));
        Assert.Equal("https://contosoaudit.blob.core.windows.net", Trimmed(clients.CreateBlobServiceClient().Uri));
        Assert.Equal("contosoaudit", clients.CreateBlobServiceClient().AccountName);
        Assert.Equal("https://contosoaudit.queue.core.windows.net/report-requests", Trimmed(clients.CreateQueueClient("report-requests").Uri));
        Assert.Equal("https://contosoaudit.blob.core.windows.net/reports", Trimmed(clients.CreateBlobContainerClient("reports").Uri));
    }

    [Fact]
    public void A_client_id_selects_a_user_assigned_identity()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:accountName", "contosoaudit"),
            ("AzureWebJobsStorage:clientId", "0f4e2c1a-8d7b-4a39-9c61-3b2d5e7f9a10")));

        Assert.Equal("0f4e2c1a-8d7b-4a39-9c61-3b2d5e7f9a10", connection?.ManagedIdentityClientId);
    }

    [Fact]
    public void Without_a_client_id_the_system_assigned_identity_is_used()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "contosoaudit")));

        Assert.Null(connection?.ManagedIdentityClientId);
    }

    [Fact]
    public void Explicit_service_uris_are_where_the_clients_point()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:tableServiceUri", "https://tables.audit.internal/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://queues.audit.internal/"),
            ("AzureWebJobsStorage:blobServiceUri", "https://blobs.audit.internal/"),
            ("AzureWebJobsStorage:clientId", "abc")));

        Assert.NotNull(connection);
        Assert.True(connection.UsesIdentity);
        Assert.Equal("abc", connection.ManagedIdentityClientId);
        var clients = new StorageClientFactory(connection, new UnusedCredential());
        Assert.Equal("https://tables.audit.internal", Trimmed(clients.CreateTableServiceClient().Uri));
        Assert.Equal("https://queues.audit.internal", Trimmed(clients.CreateQueueServiceClient().Uri));
        Assert.Equal("https://blobs.audit.internal", Trimmed(clients.CreateBlobServiceClient().Uri));
    }

    [Theory]
    [InlineData("tableServiceUri")]
    [InlineData("queueServiceUri")]
    [InlineData("blobServiceUri")]
    public void Naming_only_some_service_uris_is_a_clear_error(string missing)
    {
        var settings = new[] { "tableServiceUri", "queueServiceUri", "blobServiceUri" }
            .Where(key => key != missing)
            .Select(key => ($"AzureWebJobsStorage:{key}", $"https://{key.ToLowerInvariant()}.audit.internal/"))
            .ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Configuration(settings)));

        Assert.Contains($"AzureWebJobsStorage__{missing}", error.Message);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message);
    }

    [Fact]
    public void A_connection_that_is_not_configured_at_all_is_null()
    {
        Assert.Null(StorageConnection.FromConfiguration(Configuration()));
        Assert.Null(StorageConnection.FromConfiguration(Configuration(("OtherStorage:accountName", "someoneelse"))));
    }

    [Fact]
    public void Describing_an_identity_connection_names_its_blob_host()
    {
        var connection = StorageConnection.FromAccountName("contosoaudit");

        Assert.Equal("contosoaudit.blob.core.windows.net (identity)", connection.ToString());
    }

    [Fact]
    public void No_credential_is_asked_for_a_token_while_clients_are_built()
    {
        var credential = new UnusedCredential();
        var clients = new StorageClientFactory(StorageConnection.FromAccountName("contosoaudit"), credential);

        clients.CreateTableClient("AuditEvents");
        clients.CreateQueueClient("audit-events");
        clients.CreateBlobContainerClient("reports");

        Assert.Equal(0, credential.Requests);
    }

    /// <summary>Building clients needs a credential but no token; a test that asks for one fails loudly.</summary>
    private sealed class UnusedCredential : TokenCredential
    {
        public int Requests { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Requests++;
            throw new InvalidOperationException("No token in unit tests.");
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
