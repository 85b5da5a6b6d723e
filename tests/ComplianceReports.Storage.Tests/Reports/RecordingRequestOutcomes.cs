using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Storage.Tests;

public class RecordingRequestOutcomes(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly ReportRequestOutcomes outcomes = new(storage.Clients);

    [Fact]
    public async Task A_recorded_outcome_is_found_by_its_request_id()
    {
        var outcome = new ReportRequestOutcome("0b7e4b3c9f2a4d1e8c6a5b4d3e2f1a0b", "2026-10", 3, 1234, true, new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));

        await outcomes.RecordAsync(outcome, default);

        Assert.Equal(outcome, await outcomes.FindAsync(outcome.RequestId, default));
    }

    [Fact]
    public async Task An_unknown_request_id_has_no_outcome()
    {
        Assert.Null(await outcomes.FindAsync("never-requested", default));
    }

    [Fact]
    public async Task Outcomes_of_different_requests_stay_apart()
    {
        var april = new ReportRequestOutcome("req-april", "2026-04", 1, 10, true, DateTimeOffset.UnixEpoch);
        var may = new ReportRequestOutcome("req-may", "2026-05", 2, 20, false, DateTimeOffset.UnixEpoch);

        await outcomes.RecordAsync(april, default);
        await outcomes.RecordAsync(may, default);

        Assert.Equal(april, await outcomes.FindAsync("req-april", default));
        Assert.Equal(may, await outcomes.FindAsync("req-may", default));
    }
}
