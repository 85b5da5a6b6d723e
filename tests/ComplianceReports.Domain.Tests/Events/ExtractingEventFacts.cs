using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class ExtractingEventFacts
{
    private static EventFacts FactsOf(string item) => PrivXEventParser.ParseItem(Json(item)).Facts;

    private static string WithCode(int code, string message = """{"username":"alice"}""") =>
        $$"""{"event_id":"{{code}}","created":"2026-10-02T08:14:03Z","message":{{message}}}""";

    [Fact]
    public void A_connection_event_yields_every_fact_and_its_catalog_category_and_outcome()
    {
        const string item = """
            {"service_name":"ssh-proxy","event_id":"301","created":"2026-10-02T08:14:03Z",
             "message":{"SSH-PrivX-service":"other","instanceName":"privx-prod","username":"alice","remoteAddress":"192.0.2.10"}}
            """;

        Assert.Equal(
            new EventFacts(
                "Connection-authenticated", "sessions", EventOutcome.Success, false, "PCI 10.2.1", null, null, "alice", "192.0.2.10", "ssh-proxy", "privx-prod", "PrivX v24"),
            FactsOf(item));
    }

    [Theory]
    [InlineData(100, "logins", EventOutcome.Success)]
    [InlineData(102, "logins", EventOutcome.Failure)]
    [InlineData(250, "access", EventOutcome.Alert)]
    [InlineData(302, "sessions", EventOutcome.Failure)]
    [InlineData(1302, "integrity", EventOutcome.Alert)]
    public void A_known_code_takes_the_category_id_and_outcome_of_the_catalog(int code, string category, EventOutcome outcome)
    {
        var facts = FactsOf(WithCode(code));

        Assert.Equal(category, facts.Category);
        Assert.Equal(outcome, facts.Outcome);
        Assert.Equal(PrivXCatalog.Find(code)!.Category.Id, facts.Category);
    }

    [Fact]
    public void An_unknown_code_is_uncategorized_with_no_outcome_and_still_read()
    {
        var parsed = PrivXEventParser.ParseItem(Json(WithCode(1701)));

        Assert.Equal(1701, parsed.Code);
        Assert.Equal("uncategorized", parsed.Facts.Category);
        Assert.Null(parsed.Facts.Outcome);
        Assert.Equal("alice", parsed.Facts.User);
    }

    [Fact]
    public void Without_a_service_name_the_service_falls_back_to_the_ssh_privx_service()
    {
        Assert.Equal("ssh-proxy", FactsOf(WithCode(301, """{"SSH-PrivX-service":"ssh-proxy"}""")).Service);
    }

    [Fact]
    public void A_null_service_name_also_falls_back_to_the_ssh_privx_service()
    {
        const string item = """{"service_name":null,"event_id":"301","created":"2026-10-02T08:14:03Z","message":{"SSH-PrivX-service":"rdp-proxy"}}""";

        Assert.Equal("rdp-proxy", FactsOf(item).Service);
    }

    [Fact]
    public void The_service_name_wins_over_the_ssh_privx_service()
    {
        const string item = """{"service_name":"auth","event_id":"100","created":"2026-10-02T08:14:03Z","message":{"SSH-PrivX-service":"ssh-proxy"}}""";

        Assert.Equal("auth", FactsOf(item).Service);
    }

    [Fact]
    public void Facts_an_event_does_not_carry_are_null()
    {
        var facts = FactsOf("""{"event_id":"12","created":"2026-10-02T08:14:03Z"}""");

        Assert.Equal(
            new EventFacts("Service-stopped", "system", EventOutcome.Success, true, "PCI 10.2.1.6; SOC 2 CC7.2", null, null, null, null, null, null, "PrivX v24"),
            facts);
    }

    [Fact]
    public void Null_facts_are_null_not_refused()
    {
        var facts = FactsOf(WithCode(301, """{"username":null,"remoteAddress":null,"instanceName":null}"""));

        Assert.Null(facts.User);
        Assert.Null(facts.SourceAddress);
        Assert.Null(facts.Instance);
    }

    [Fact]
    public void Facts_are_kept_exactly_as_sent()
    {
        var facts = FactsOf(WithCode(100, """{"username":" J\u00fcrgen@EXAMPLE.com ","remoteAddress":"2001:db8::1"}"""));

        Assert.Equal(" Jürgen@EXAMPLE.com ", facts.User);
        Assert.Equal("2001:db8::1", facts.SourceAddress);
    }

    [Fact]
    public void A_fact_over_the_limit_is_refused_not_truncated()
    {
        var error = Assert.Throws<InvalidAuditEventException>(() => FactsOf(WithCode(301, $$"""{"instanceName":"{{new string('i', 1025)}}"}""")));

        Assert.Contains("\"message.instanceName\" is 1,025 characters long", error.Message);
    }

    [Fact]
    public void Facts_read_through_a_message_are_those_of_each_item()
    {
        var events = ReadEvents($"[{Alice},{Bob}]");

        Assert.Equal(["alice", "bob"], events.Select(e => e.Facts.User));
        Assert.Equal(["privx-prod", null], events.Select(e => e.Facts.Instance));
        Assert.Equal([EventOutcome.Success, EventOutcome.Failure], events.Select(e => e.Facts.Outcome));
    }
}
