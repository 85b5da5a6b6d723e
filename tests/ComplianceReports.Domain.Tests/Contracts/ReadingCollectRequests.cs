using ComplianceReports.Domain.Contracts;

namespace ComplianceReports.Domain.Tests.Contracts;

/// <summary>A re-collection request round-trips, and one that is not bounded is refused with a reason.</summary>
public sealed class ReadingCollectRequests
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_request_reads_back_as_it_was_written()
    {
        var request = CollectRequest.For(From, From.AddDays(2), "privx-prod", "cli");

        Assert.Equal(request, CollectRequest.FromJson(request.ToJson()));
    }

    [Theory]
    [InlineData("""{"requestId":"abc","from":"2026-10-02T00:00:00Z","to":"2026-10-01T00:00:00Z"}""")]
    [InlineData("""{"requestId":"abc","from":"2026-10-01T00:00:00Z","to":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"requestId":"a/b","from":"2026-10-01T00:00:00Z","to":"2026-10-02T00:00:00Z"}""")]
    [InlineData("not json")]
    public void A_request_out_of_order_too_long_or_unreadable_is_refused(string json)
    {
        Assert.Throws<FormatException>(() => CollectRequest.FromJson(json));
    }

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(1, 0, "--to must be after --from")]
    [InlineData(0, 33, "a re-collection spans at most 32 days; ask for several")]
    public void The_span_asked_for_is_bounded(int fromDay, int toDay, string? refusal)
    {
        Assert.Equal(refusal, CollectRequest.RefuseSpan(From.AddDays(fromDay), From.AddDays(toDay), From.AddDays(40)));
    }
}
