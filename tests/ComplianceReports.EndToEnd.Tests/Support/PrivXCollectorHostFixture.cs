using ComplianceReports.Cli.Simulation;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// The local host with its collector switched on, fetching from a PrivX stand-in that holds a simulated
/// month (<see cref="Month"/>, a month of its own) through the real timer, every two seconds.
/// </summary>
public sealed class PrivXCollectorHostFixture : LocalFunctionsHostFixture
{
    public const string Instance = "e2e-privx";

    public const int EventCount = 1500;

    public const int Seed = 14;

    public static readonly Month Month = new(2013, 5);

    public PrivXCollectorHostFixture()
        : this(new PrivXStandIn())
    {
    }

    private PrivXCollectorHostFixture(PrivXStandIn privx)
        : base("0 0 2 * * *", Settings(privx))
    {
        PrivX = privx;
        Items = PrivXTrafficSimulator.Generate(Month, EventCount, Seed).ToList();
        privx.Add(Items);
    }

    public PrivXStandIn PrivX { get; }

    /// <summary>The month as NDJSON lines, the same bytes <c>compliance simulate</c> writes.</summary>
    public IReadOnlyList<string> Items { get; }

    private static Dictionary<string, string?> Settings(PrivXStandIn privx)
    {
        var settings = privx.Settings();
        settings["PrivX:Instance"] = Instance;
        settings["PrivX:CollectSchedule"] = "*/2 * * * * *";
        settings["PrivX:CollectFrom"] = "2013-04-30T00:00:00Z";
        // One window from the simulated month to now: the default three hours would take thousands of windows to get here.
        settings["PrivX:WindowLength"] = "5000.00:00:00";
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        PrivX.Dispose();
    }
}
