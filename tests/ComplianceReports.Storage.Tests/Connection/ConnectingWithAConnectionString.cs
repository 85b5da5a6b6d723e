using ComplianceReports.Storage.Connection;
using Microsoft.Extensions.Configuration;

namespace ComplianceReports.Storage.Tests;

public class ConnectingWithAConnectionString
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFEsA/EJ7AxEP/7klpqw==";

    private const string AzuriteStyle =
        $"DefaultEndpointsProtocol=http;AccountName=auditacct;AccountKey={Key};BlobEndpoint=http://127.0.0.1:41001/auditacct;QueueEndpoint=http://127.0.0.1:41002/auditacct;TableEndpoint=http://127.0.0.1:41003/auditacct;";

    [Fact]
    public void Explicit_endpoints_are_where_every_client_points()
    {
        var clients = new StorageClientFactory(StorageConnection.FromConnectionString(AzuriteStyle));

        Assert.Equal("http://127.0.0.1:41003/auditacct", Trimmed(clients.CreateTableServiceClient().Uri));
        Assert.Equal("http://127.0.0.1:41002/auditacct", Trimmed(clients.CreateQueueServiceClient().Uri));
        Assert.Equal("http://127.0.0.1:41001/auditacct", Trimmed(clients.CreateBlobServiceClient().Uri));
        Assert.Equal("auditacct", clients.CreateTableServiceClient().AccountName);
        Assert.Equal("auditacct", clients.CreateQueueServiceClient().AccountName);
        Assert.Equal("auditacct", clients.CreateBlobServiceClient().AccountName);
        Assert.Equal("http://127.0.0.1:41002/auditacct/audit-events", Trimmed(clients.CreateQueueClient("audit-events").Uri));
        Assert.Equal("http://127.0.0.1:41001/auditacct/reports", Trimmed(clients.CreateBlobContainerClient("reports").Uri));
        Assert.Equal("AuditEvents", clients.CreateTableClient("AuditEvents").Name);
        Assert.Equal("auditacct", clients.CreateTableClient("AuditEvents").AccountName);
    }

    [Fact]
    public void Development_storage_points_at_azurites_default_ports_and_account()
    {
        var clients = new StorageClientFactory(StorageConnection.FromConnectionString(StorageConnection.DevelopmentStorage));

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", Trimmed(clients.CreateTableServiceClient().Uri));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", Trimmed(clients.CreateQueueServiceClient().Uri));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", Trimmed(clients.CreateBlobServiceClient().Uri));
        Assert.Equal("devstoreaccount1", clients.CreateQueueServiceClient().AccountName);
        Assert.Equal("devstoreaccount1", clients.CreateBlobServiceClient().AccountName);
    }

    [Fact]
    public void A_connection_string_under_the_connection_name_is_read_from_configuration()
    {
        var configuration = Configuration(("AzureWebJobsStorage", AzuriteStyle));

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.NotNull(connection);
        Assert.False(connection.UsesIdentity);
        Assert.Equal(AzuriteStyle, connection.ConnectionString);
        Assert.Null(connection.TableServiceUri);
    }

    [Fact]
    public void A_connection_of_another_name_is_read_from_that_name()
    {
        var configuration = Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("AuditStorage", AzuriteStyle));

        Assert.Equal(AzuriteStyle, StorageConnection.FromConfiguration(configuration, "AuditStorage")?.ConnectionString);
    }

    [Fact]
    public void Describing_a_connection_string_never_reveals_its_account_key()
    {
        var connection = StorageConnection.FromConnectionString(AzuriteStyle);

        var description = connection.ToString();

        Assert.DoesNotContain(Key, description);
        Assert.DoesNotContain(Key[..12], $"{connection}");
        Assert.Contains("AccountName=auditacct", description);
        Assert.Contains("127.0.0.1:41003", description);
    }

    [Fact]
    public void Describing_a_connection_string_never_reveals_a_shared_access_signature()
    {
        var connection = StorageConnection.FromConnectionString(
            "BlobEndpoint=https://auditacct.blob.core.windows.net/;QueueEndpoint=https://auditacct.queue.core.windows.net/;SharedAccessSignature=sv=2024-08-04&ss=bq&sig=TopSecretSig%3D");

        Assert.DoesNotContain("TopSecretSig", connection.ToString());
        Assert.Contains("auditacct.blob.core.windows.net", connection.ToString());
    }

    [Fact]
    public void Describing_development_storage_says_so()
    {
        Assert.Equal("Azurite development storage", StorageConnection.FromConnectionString("UseDevelopmentStorage=true").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_connection_string_is_refused(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => StorageConnection.FromConnectionString(connectionString));
    }

    internal static string Trimmed(Uri uri) => uri.AbsoluteUri.TrimEnd('/');

    internal static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
}
