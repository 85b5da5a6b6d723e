using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests.Contracts;

public class NamingReportRequests
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("timer-2026-10-4-0")]
    [InlineData("timer-2026-12-17-3")]
    [InlineData("A")]
    public void The_ids_the_cli_http_and_timer_hand_out_follow_the_rule(string id)
    {
        Assert.True(ReportRequestId.IsValid(id));
    }

    [Fact]
    public void A_fresh_id_follows_the_rule()
    {
        Assert.True(ReportRequestId.IsValid(ReportRequest.For(new Month(2026, 10), "cli").RequestId));
        Assert.Matches("^[0-9a-f]{32}$", ReportRequestId.New());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("../x")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("ä")]
    [InlineData("0123456789abcdef0123456789abcdef\n")]
    public void Anything_else_breaks_the_rule(string? id)
    {
        Assert.False(ReportRequestId.IsValid(id));
    }

    [Fact]
    public void An_id_may_be_64_characters_long_and_no_longer()
    {
        Assert.True(ReportRequestId.IsValid(new string('a', ReportRequestId.MaxLength)));
        Assert.False(ReportRequestId.IsValid(new string('a', ReportRequestId.MaxLength + 1)));
    }
}
