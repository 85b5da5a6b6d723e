using Microsoft.Extensions.Hosting;

namespace ComplianceReports.Pipeline;

/// <summary>
/// Makes sure of every storage resource once, as the host starts: no adapter checks on each call, and a
/// missing resource stops the host at once instead of failing one invocation after another.
/// </summary>
internal sealed class StorageStartup(Func<CancellationToken, Task> makeSure) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => makeSure(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
