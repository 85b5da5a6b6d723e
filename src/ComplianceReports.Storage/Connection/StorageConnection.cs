using Microsoft.Extensions.Configuration;

namespace ComplianceReports.Storage.Connection;

/// <summary>
/// Where the storage account is and how to reach it, read the way the Functions host reads a
/// connection: a connection string under the name itself, or identity-based settings beneath it
/// (<c>NAME__accountName</c>, or <c>NAME__tableServiceUri</c> / <c>__queueServiceUri</c> / <c>__blobServiceUri</c>).
/// </summary>
public sealed record StorageConnection
{
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>Azurite's well-known development account, the default when nothing is configured.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private StorageConnection(string? connectionString, Uri? tableServiceUri, Uri? queueServiceUri, Uri? blobServiceUri, string? managedIdentityClientId)
    {
        ConnectionString = connectionString;
        TableServiceUri = tableServiceUri;
        QueueServiceUri = queueServiceUri;
        BlobServiceUri = blobServiceUri;
        ManagedIdentityClientId = managedIdentityClientId;
    }

    public string? ConnectionString { get; }

    public Uri? TableServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    public Uri? BlobServiceUri { get; }

    /// <summary>A user-assigned identity to use (<c>NAME__clientId</c>); the system-assigned one otherwise.</summary>
    public string? ManagedIdentityClientId { get; }

    public bool UsesIdentity => ConnectionString is null;

    public static StorageConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageConnection(connectionString, null, null, null, null);
    }

    public static StorageConnection FromAccountName(string accountName, string? managedIdentityClientId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        Uri Endpoint(string service) => new($"https://{accountName}.{service}.core.windows.net");
        return new StorageConnection(null, Endpoint("table"), Endpoint("queue"), Endpoint("blob"), managedIdentityClientId);
    }

    public static StorageConnection FromServiceUris(Uri tableServiceUri, Uri queueServiceUri, Uri blobServiceUri, string? managedIdentityClientId = null) =>
        new(null, tableServiceUri, queueServiceUri, blobServiceUri, managedIdentityClientId);

    /// <summary>Reads connection <paramref name="name"/> from configuration; <c>null</c> when it is not configured at all.</summary>
    public static StorageConnection? FromConfiguration(IConfiguration configuration, string name = DefaultName)
    {
        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var clientId = section["clientId"];
        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return FromAccountName(accountName, clientId);
        }

        var uris = new[] { "tableServiceUri", "queueServiceUri", "blobServiceUri" }.Select(key => section[key]).ToArray();
        if (uris.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }
        if (uris.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOperationException(
                $"Connection '{name}' names some service URIs but not all: set {name}__tableServiceUri, {name}__queueServiceUri and {name}__blobServiceUri, or {name}__accountName.");
        }
        return FromServiceUris(new Uri(uris[0]!), new Uri(uris[1]!), new Uri(uris[2]!), clientId);
    }

    /// <summary>Describes where the connection points without revealing any key.</summary>
    public override string ToString() =>
        ConnectionString is not null ? DescribeConnectionString(ConnectionString) : $"{BlobServiceUri?.Host} (identity)";

    private static string DescribeConnectionString(string connectionString)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return "Azurite development storage";
        }
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && !pair[0].Contains("Key", StringComparison.OrdinalIgnoreCase) && !pair[0].Contains("Signature", StringComparison.OrdinalIgnoreCase))
            .Select(pair => $"{pair[0]}={pair[1]}");
        return string.Join(';', parts);
    }
}
