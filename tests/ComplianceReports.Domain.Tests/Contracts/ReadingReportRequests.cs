using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Tests.Contracts;

public class ReadingReportRequests
{
    [Fact]
    public void A_request_survives_its_trip_through_json()
    {
        var request = new ReportRequest("2026-10", "0b7e4b3c-9f2a", "ops@example.com");

        var json = request.ToJson();

        Assert.Equal(request, ReportRequest.FromJson(json));
        Assert.Contains("\"month\":\"2026-10\"", json);
        Assert.Contains("\"requestId\":\"0b7e4b3c-9f2a\"", json);
        Assert.DoesNotContain("ParsedMonth", json);
    }

    [Fact]
    public void A_request_without_a_requester_survives_its_trip_through_json()
    {
        var request = new ReportRequest("2026-10", "abc", null);

        Assert.Equal(request, ReportRequest.FromJson(request.ToJson()));
    }

    [Fact]
    public void A_new_request_has_a_fresh_id_that_a_reader_accepts()
    {
        var request = ReportRequest.For(new Month(2026, 9), "timer");

        var read = ReportRequest.FromJson(request.ToJson());

        Assert.Equal(new Month(2026, 9), read.ParsedMonth);
        Assert.Equal("timer", read.RequestedBy);
        Assert.NotEqual(request.RequestId, ReportRequest.For(new Month(2026, 9), "timer").RequestId);
    }

    [Theory]
    [InlineData("""{"month":"2026-13","requestId":"abc"}""")]
    [InlineData("""{"month":"2026-00","requestId":"abc"}""")]
    [InlineData("""{"month":"2026-1","requestId":"abc"}""")]
    [InlineData("""{"month":"2026-10 ","requestId":"abc"}""")]
    [InlineData("""{"month":"../2026-10","requestId":"abc"}""")]
    [InlineData("""{"month":"2026-10\n","requestId":"abc"}""")]
    [InlineData("""{"month":null,"requestId":"abc"}""")]
    [InlineData("""{"requestId":"abc"}""")]
    [InlineData("""{"month":202610,"requestId":"abc"}""")]
    public void A_request_for_no_real_month_is_refused(string json)
    {
        Assert.Throws<FormatException>(() => ReportRequest.FromJson(json));
    }

    [Theory]
    [InlineData("""{"month":"2026-10"}""")]
    [InlineData("""{"month":"2026-10","requestId":""}""")]
    [InlineData("""{"month":"2026-10","requestId":"   "}""")]
    [InlineData("""{"month":"2026-10","requestId":"../other"}""")]
    [InlineData("""{"month":"2026-10","requestId":"a/b"}""")]
    [InlineData("""{"month":"2026-10","requestId":"a b"}""")]
    [InlineData("""{"month":"2026-10","requestId":"ä"}""")]
    [InlineData("""{"month":"2026-10","requestId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""")]
    [InlineData("""{"month":"2026-10","requestId":42}""")]
    public void A_request_with_a_bad_id_is_refused(string json)
    {
        Assert.Throws<FormatException>(() => ReportRequest.FromJson(json));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("2026-10")]
    [InlineData("{\"month\":")]
    public void A_body_that_is_not_a_request_is_refused(string json)
    {
        Assert.Throws<FormatException>(() => ReportRequest.FromJson(json));
    }

    [Fact]
    public void An_id_of_64_letters_digits_and_dashes_is_accepted()
    {
        var id = new string('a', 60) + "-0Z9";

        Assert.Equal(id, ReportRequest.FromJson($$"""{"month":"2026-10","requestId":"{{id}}"}""").RequestId);
    }
}
