using System.Text;
using ComplianceReports.Domain.Events;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

public class CanonicalJsonText
{
    [Fact]
    public void Keys_are_sorted_and_insignificant_whitespace_is_dropped()
    {
        var text = CanonicalJson.ToText(Json("""{ "b" : 1,  "a" : "x" }"""));

        Assert.Equal("""{"a":"x","b":1}""", text);
    }

    [Fact]
    public void Nested_objects_are_sorted_too_and_arrays_keep_their_order()
    {
        var text = CanonicalJson.ToText(Json("""{"z":{"y":1,"x":[{"q":2,"p":1},3,1]},"a":null}"""));

        Assert.Equal("""{"a":null,"z":{"x":[{"p":1,"q":2},3,1],"y":1}}""", text);
    }

    [Fact]
    public void Keys_are_sorted_by_code_unit_so_upper_case_comes_first()
    {
        var text = CanonicalJson.ToText(Json("""{"b":1,"a":2,"B":3,"SSH-PrivX-service":4}"""));

        Assert.Equal("""{"B":3,"SSH-PrivX-service":4,"a":2,"b":1}""", text);
    }

    [Fact]
    public void Non_ascii_text_is_kept_as_is()
    {
        var text = CanonicalJson.ToText(Json("""{"username":"Jürgen","city":"Åbo"}"""));

        Assert.Equal("""{"city":"Åbo","username":"Jürgen"}""", text);
    }

    [Fact]
    public void An_escaped_non_ascii_character_is_written_unescaped()
    {
        var text = CanonicalJson.ToText(Json("""{"username":"J\u00fcrgen"}"""));

        Assert.Equal("""{"username":"Jürgen"}""", text);
    }

    [Fact]
    public void Characters_json_requires_escaping_stay_escaped()
    {
        var text = CanonicalJson.ToText(Json("""{"s":"a\"b\\c\nd"}"""));

        Assert.Equal("""{"s":"a\"b\\c\nd"}""", text);
    }

    [Fact]
    public void The_bytes_are_the_utf8_of_the_text()
    {
        var element = Json("""{"username":"Jürgen"}""");

        Assert.Equal(Encoding.UTF8.GetBytes("""{"username":"Jürgen"}"""), CanonicalJson.ToUtf8Bytes(element));
    }
}
