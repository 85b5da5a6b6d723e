using Azure.Core;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Pipeline;
using ComplianceReports.Pipeline.Reports;
using ComplianceReports.Storage;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReports.Pipeline.Tests;

/// <summary>The pipeline's services as both hosts register them, on an Azurite account of their own, with a clock the test sets.</summary>
public sealed class PipelineServicesOnAzurite : IAsyncLifetime
{
    private readonly AzuriteAccount account = AzuriteAccount.Lease();
    private readonly Dictionary<string, ServiceProvider> providers = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>What every service of this fixture logged.</summary>
    public RecordedLog Log { get; } = new();

    public StorageClientFactory Storage => new(StorageConnection.FromConnectionString(account.ConnectionString));

    public string ConnectionString => account.ConnectionString;

    /// <summary>The services, with settings such as <c>ReportTimeZone</c> or <c>PrivX:BaseUrl</c> as given.</summary>
    public IServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var key = string.Join(';', settings.Select(setting => $"{setting.Key}={setting.Value}"));
        if (!providers.TryGetValue(key, out var provider))
        {
            provider = Build(settings, services => services);
            providers[key] = provider;
        }
        return provider;
    }

    /// <summary>Services of an instance of their own whose storage clients <paramref name="configureStorage"/> adjusts, e.g. with a pipeline policy.</summary>
    public IServiceProvider ServicesWithStorage(Action<ClientOptions> configureStorage, params (string Key, string Value)[] settings)
    {
        var provider = Build(settings, services => services.AddSingleton(new StorageClientFactory(StorageConnection.FromConnectionString(account.ConnectionString), configureStorage)));
        providers[$"storage:{providers.Count}"] = provider;
        return provider;
    }

    /// <summary>Services of an instance of their own that reach storage by <paramref name="connectionString"/>, e.g. through a proxy.</summary>
    public IServiceProvider ServicesThrough(string connectionString)
    {
        var provider = Build([], services => services.AddSingleton(new StorageClientFactory(StorageConnection.FromConnectionString(connectionString))));
        providers[$"storage:{providers.Count}"] = provider;
        return provider;
    }

    private ServiceProvider Build((string Key, string Value)[] settings, Func<IServiceCollection, IServiceCollection> adjust)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageConnection.DefaultName] = account.ConnectionString,
                [ReportOptions.LocalSelfSignedPathKey] = Path.Combine(Path.GetTempPath(), "compliance-reports-tests", "report-signing.pfx"),
            })
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create<string, string?>(setting.Key, setting.Value)))
            .Build();
        return adjust(new ServiceCollection()
                .AddLogging(logging => logging.AddProvider(Log))
                .AddCompliancePipeline(configuration)
                .AddSingleton<TimeProvider>(Clock))
            .BuildServiceProvider();
    }

    /// <summary>The requests waiting on the report-requests queue, without taking them off it.</summary>
    public async Task<IReadOnlyList<ReportRequest>> QueuedRequestsAsync()
    {
        var queue = Storage.CreateQueueClient(QueueNames.ReportRequests);
        var peeked = await queue.PeekMessagesAsync(32);
        return peeked.Value.Select(message => ReportRequest.FromJson(message.Body.ToString())).ToList();
    }

    public async Task ClearQueuedRequestsAsync()
    {
        var queue = Storage.CreateQueueClient(QueueNames.ReportRequests);
        await queue.ClearMessagesAsync();
    }

    /// <summary>Takes the next visible request off the report-mail queue, as its function would; <c>null</c> when none waits.</summary>
    public async Task<string?> TakeMailRequestAsync()
    {
        var queue = Storage.CreateQueueClient(QueueNames.ReportMail);
        var message = (await queue.ReceiveMessageAsync()).Value;
        if (message is null)
        {
            return null;
        }
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.Body.ToString();
    }

    public Task InitializeAsync() => new StorageResources(Storage).CreateAllAsync(CancellationToken.None);

    /// <summary>Leaves no request behind: the account goes to the next fixture that leases it.</summary>
    public async Task DisposeAsync()
    {
        await ClearQueuedRequestsAsync();
        foreach (var provider in providers.Values)
        {
            await provider.DisposeAsync();
        }
        account.Dispose();
    }
}
