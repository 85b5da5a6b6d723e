using System.Globalization;
using ComplianceReports.Domain.Collection;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Pipeline.Alerts;
using ComplianceReports.PrivX;
using ComplianceReports.Storage.Collection;
using ComplianceReports.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace ComplianceReports.Pipeline.Collection;

/// <summary>
/// Pulls audit events from PrivX onto the <c>audit-events</c> queue, as <c>compliance send</c> puts them
/// there: the ingest function stays the one writer, and the store absorbs what overlapping windows and
/// re-fetches send twice. A window's checkpoint is saved only once all its pages are on the queue; a
/// lasting PrivX failure ends the run with one line in the log and in the stored outcome, and the
/// checkpoint stays where the last whole window left it.
/// </summary>
public sealed partial class PrivXCollection(
    CollectorOptions options,
    CollectorStates states,
    AuditEventQueue queue,
    Alerting alerting,
    TimeProvider clock,
    ILogger<PrivXCollection> logger) : IDisposable
{
    private readonly PrivXApiClient? client = options.Connection is { } connection ? new PrivXApiClient(connection, clock) : null;

    /// <summary>One timer run: windows from the checkpoint until caught up or out of time; <c>null</c> when the collector is off.</summary>
    public async Task<CollectorRunOutcome?> CollectAsync(CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return null;
        }
        var state = await states.GetAsync(options.Instance, cancellationToken);
        var run = CollectionRun.Start(options.Schedule(clock.GetUtcNow()), state.Checkpoint, clock);
        var events = 0;
        var windows = 0;
        CollectorRunOutcome outcome;
        try
        {
            while (run.Next() is { } window)
            {
                events += await FetchWindowAsync(client, window, cancellationToken);
                await states.SaveCheckpointAsync(options.Instance, window.End, cancellationToken);
                run.Completed(window);
                windows++;
            }
            outcome = CollectorRunOutcome.Success(clock.GetUtcNow(), events, windows, run.CaughtUp);
            LogCollected(options.Instance, events, windows, run.Checkpoint, run.CaughtUp);
        }
        catch (PrivXException failure)
        {
            outcome = CollectorRunOutcome.Failure(clock.GetUtcNow(), events, windows, failure.Message, state.LastRun);
            LogFailed(options.Instance, failure.Message, run.Checkpoint);
        }
        await states.SaveOutcomeAsync(options.Instance, outcome, cancellationToken);
        if (outcome.FailingSince is { } since)
        {
            // One alert per outage: every run of it names the same first failed run.
            await alerting.CollectorFailedAsync(options.Instance, since.UtcTicks.ToString(CultureInfo.InvariantCulture), outcome.Error ?? "failed", cancellationToken);
        }
        return outcome;
    }

    /// <summary>Serves a re-collection request as it came off the queue; a PrivX failure throws, so the queue retries it.</summary>
    public async Task<int> ServeAsync(string message, CancellationToken cancellationToken)
    {
        var request = CollectRequest.FromJson(message);
        if (client is null)
        {
            throw new InvalidOperationException($"Collect request {request.RequestId} cannot be served: the collector is off (no PrivX__BaseUrl).");
        }
        if (request.Instance is { } instance && instance != options.Instance)
        {
            throw new InvalidOperationException($"Collect request {request.RequestId} asks for PrivX instance '{instance}'; these functions collect from '{options.Instance}'.");
        }
        var events = 0;
        foreach (var window in CollectionWindow.Cover(request.From, request.To, options.WindowLength))
        {
            try
            {
                events += await FetchWindowAsync(client, window, cancellationToken);
            }
            catch (PrivXException failure)
            {
                LogRequestFailed(request.RequestId, window.ToString(), failure.Message);
                throw;
            }
        }
        LogServed(request.RequestId, options.Instance, request.From, request.To, events);
        return events;
    }

    public void Dispose() => client?.Dispose();

    /// <summary>
    /// Pages through the window until PrivX has given every item it counts; returns how many were sent.
    /// Events PrivX indexes meanwhile only push later items to later offsets, which re-sends one, never skips one.
    /// </summary>
    private async Task<int> FetchWindowAsync(PrivXApiClient privx, CollectionWindow window, CancellationToken cancellationToken)
    {
        var offset = 0;
        for (var page = 1; ; page++)
        {
            var fetched = await privx.SearchAsync(window.Start, window.End, offset, options.PageSize, cancellationToken);
            if (fetched.Items.Count == 0)
            {
                return offset;
            }
            await queue.SendAsync(fetched.Items, window.PageBatchPrefix(options.Instance, page), cancellationToken);
            offset += fetched.Items.Count;
            // A short page ends the window only when PrivX gave no count: it may cap a page below the limit asked for.
            if (fetched.Count is { } count ? offset >= count : fetched.Items.Count < options.PageSize)
            {
                return offset;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collected {Events} events from PrivX instance {Instance} in {Windows} windows; checkpoint {Checkpoint}, caught up: {CaughtUp}")]
    private partial void LogCollected(string instance, int events, int windows, DateTimeOffset? checkpoint, bool caughtUp);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collecting from PrivX instance {Instance} failed: {Error}; checkpoint stays at {Checkpoint}")]
    private partial void LogFailed(string instance, string error, DateTimeOffset? checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collect request {RequestId}: re-collected {Events} events from PrivX instance {Instance}, {From} to {To}")]
    private partial void LogServed(string requestId, string instance, DateTimeOffset from, DateTimeOffset to, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collect request {RequestId} failed in window {Window}: {Error}")]
    private partial void LogRequestFailed(string requestId, string window, string error);
}
