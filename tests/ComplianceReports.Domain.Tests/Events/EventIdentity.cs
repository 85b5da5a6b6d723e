using static ComplianceReports.Domain.Tests.PrivXItems;
using Identity = ComplianceReports.Domain.Events.EventIdentity;

namespace ComplianceReports.Domain.Tests;

public class EventIdentity
{
    [Fact]
    public void The_identity_is_the_sha256_of_the_canonical_json_in_lower_case_hex()
    {
        var identity = Identity.Of(Json("""{ "b": 1, "a": {"d": 2, "c": 3} }"""));

        Assert.Equal(Sha256Hex("""{"a":{"c":3,"d":2},"b":1}"""), identity);
    }

    [Fact]
    public void The_identity_is_64_lower_case_hex_characters()
    {
        var identity = Identity.Of(Json(Alice));

        Assert.Matches("^[0-9a-f]{64}$", identity);
    }

    [Fact]
    public void Key_order_and_whitespace_do_not_change_the_identity()
    {
        var compact = Identity.Of(Json("""{"event_id":"301","created":"2026-10-02T08:14:03Z","message":{"username":"alice","severity":"6"}}"""));
        var shuffled = Identity.Of(Json("""
            {
                "message" : { "severity" : "6", "username" : "alice" },
                "created" : "2026-10-02T08:14:03Z",
                "event_id" : "301"
            }
            """));

        Assert.Equal(compact, shuffled);
    }

    [Theory]
    [InlineData("""{"event_id":"302","message":{"username":"alice"}}""")]
    [InlineData("""{"event_id":"301","message":{"username":"alicE"}}""")]
    [InlineData("""{"event_id":301,"message":{"username":"alice"}}""")]
    [InlineData("""{"event_id":"301","message":{"username":"alice","x":null}}""")]
    [InlineData("""{"event_id":"301","message":{"user":"alice"}}""")]
    public void A_different_value_or_key_changes_the_identity(string other)
    {
        var original = Identity.Of(Json("""{"event_id":"301","message":{"username":"alice"}}"""));

        Assert.NotEqual(original, Identity.Of(Json(other)));
    }

    [Fact]
    public void Nested_key_order_does_not_change_the_identity()
    {
        Assert.Equal(
            Identity.Of(Json("""{"m":{"a":1,"b":{"c":1,"d":2}}}""")),
            Identity.Of(Json("""{"m":{"b":{"d":2,"c":1},"a":1}}""")));
    }

    [Fact]
    public void Array_order_changes_the_identity()
    {
        Assert.NotEqual(Identity.Of(Json("""{"a":[1,2]}""")), Identity.Of(Json("""{"a":[2,1]}""")));
    }

    [Fact]
    public void An_escaped_and_a_literal_non_ascii_name_have_the_same_identity()
    {
        Assert.Equal(
            Identity.Of(Json("""{"username":"Jürgen"}""")),
            Identity.Of(Json("""{"username":"J\u00fcrgen"}""")));
        Assert.Equal(Sha256Hex("""{"username":"Jürgen"}"""), Identity.Of(Json("""{"username":"J\u00fcrgen"}""")));
    }
}
