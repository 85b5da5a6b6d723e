using System.Diagnostics;
using Azure.Storage.Blobs.Specialized;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Storage.Tests;

/// <summary>Month locks on Azurite: two instances stand for two generators. Each test keeps to months of its own.</summary>
public class LockingAMonth(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly MonthLocks first = new(storage.Clients);
    private readonly MonthLocks second = new(storage.Clients);

    [Fact]
    public async Task A_second_generator_times_out_while_the_month_is_held()
    {
        var month = new Month(2025, 1);
        await using var held = await first.AcquireAsync(month, TimeSpan.Zero, default);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => second.AcquireAsync(month, TimeSpan.Zero, default));
        Assert.Contains("2025-01", error.Message);
    }

    [Fact]
    public async Task The_same_instance_cannot_take_a_month_it_already_holds()
    {
        var month = new Month(2025, 2);
        await using var held = await first.AcquireAsync(month, TimeSpan.Zero, default);

        await Assert.ThrowsAsync<TimeoutException>(() => first.AcquireAsync(month, TimeSpan.Zero, default));
    }

    [Fact]
    public async Task A_month_is_free_again_once_its_holder_lets_go()
    {
        var month = new Month(2025, 3);
        var held = await first.AcquireAsync(month, TimeSpan.Zero, default);
        await held.DisposeAsync();

        await using var again = await second.AcquireAsync(month, TimeSpan.Zero, default);
    }

    [Fact]
    public async Task A_waiting_generator_gets_the_month_when_its_holder_lets_go_within_the_wait()
    {
        var month = new Month(2025, 4);
        var held = await first.AcquireAsync(month, TimeSpan.Zero, default);
        var clock = Stopwatch.StartNew();

        var waiting = second.AcquireAsync(month, TimeSpan.FromSeconds(20), default);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();

        await using var acquired = await waiting;
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Different_months_do_not_block_each_other()
    {
        await using var may = await first.AcquireAsync(new Month(2025, 5), TimeSpan.Zero, default);
        await using var june = await second.AcquireAsync(new Month(2025, 6), TimeSpan.Zero, default);
        await using var mayOfAnotherYear = await second.AcquireAsync(new Month(2026, 5), TimeSpan.Zero, default);
    }

    [Fact]
    public async Task Waiting_for_a_held_month_can_be_cancelled()
    {
        var month = new Month(2025, 7);
        await using var held = await first.AcquireAsync(month, TimeSpan.Zero, default);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.AcquireAsync(month, TimeSpan.FromMinutes(1), cancel.Token));
    }

    [Fact]
    public async Task A_holder_learns_at_its_next_check_that_its_lease_was_broken_and_taken()
    {
        var month = new Month(2025, 8);
        await using var held = await first.AcquireAsync(month, TimeSpan.Zero, default);
        await held.EnsureHeldAsync(default);

        await storage.Clients.CreateBlobContainerClient(MonthLocks.ContainerName).GetBlobClient($"{month}.lock").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await using var taken = await second.AcquireAsync(month, TimeSpan.Zero, default);

        var error = await Assert.ThrowsAsync<MonthLeaseLostException>(() => held.EnsureHeldAsync(default));
        Assert.Contains("2025-08", error.Message, StringComparison.Ordinal);
        Assert.True(held.Lost.IsCancellationRequested);
        await taken.EnsureHeldAsync(default);
    }
}
