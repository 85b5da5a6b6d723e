using ComplianceReports.Domain.Events;
using System.Text;
using Identity = ComplianceReports.Domain.Events.EventIdentity;
using static ComplianceReports.Domain.Tests.PrivXItems;

namespace ComplianceReports.Domain.Tests;

/// <summary>RFC 8785, the JSON Canonicalization Scheme: the RFC's own examples, and the text and bytes identities are hashed over.</summary>
public class CanonicalJsonPerRfc8785
{
    /// <summary>RFC 8785 appendix B: IEEE 754 bit patterns and the text ECMAScript writes for them.</summary>
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void A_double_is_written_as_ecmascript_writes_it(ulong bits, string expected)
    {
        Assert.Equal(expected, CanonicalJson.FormatNumber(BitConverter.Int64BitsToDouble(unchecked((long)bits))));
    }

    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("1E3", "1000")]
    [InlineData("1.0", "1")]
    [InlineData("-12.5e1", "-125")]
    [InlineData("0.1", "0.1")]
    [InlineData("100", "100")]
    [InlineData("1e-400", "0")]
    public void A_number_in_json_text_is_rewritten_in_its_one_canonical_spelling(string number, string expected)
    {
        Assert.Equal($"[{expected}]", CanonicalJson.ToText(Json($"[{number}]")));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void A_number_beyond_a_double_is_refused_rather_than_written_as_infinity(string number)
    {
        var error = Assert.Throws<InvalidAuditEventException>(() => CanonicalJson.ToText(Json($$"""{"n":{{number}}}""")));

        Assert.Contains(number, error.Message);
    }

    [Fact]
    public void Keys_are_sorted_by_utf16_code_unit_as_in_the_rfcs_example()
    {
        // RFC 8785 section 3.2.3: the surrogate pair of the emoji sorts before U+FB33, which is above it as a code point.
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var expected =
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\"," +
            "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, CanonicalJson.ToText(Json(input)));
    }

    [Fact]
    public void The_rfcs_structure_example_canonicalizes_to_the_rfcs_text()
    {
        // RFC 8785 section 3.2.2: literals, numbers and escapes of a small object, all at once.
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.Equal(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
            CanonicalJson.ToText(Json(input)));
    }

    [Theory]
    [InlineData("\\u001F", "\\u001f")]
    [InlineData("\\u0000", "\\u0000")]
    [InlineData("\\u000b", "\\u000b")]
    [InlineData("\\b\\f\\n\\r\\t", "\\b\\f\\n\\r\\t")]
    [InlineData("\\u0008\\u000C\\u000A\\u000D\\u0009", "\\b\\f\\n\\r\\t")]
    [InlineData("\\u0022\\u005C", "\\\"\\\\")]
    [InlineData("\\/", "/")]
    [InlineData("/", "/")]
    [InlineData("\\u00e9", "\u00e9")]
    [InlineData("\u00e9", "\u00e9")]
    [InlineData("\\u007f", "\u007f")]
    [InlineData("\\u2028", "\u2028")]
    [InlineData("<\\u003e&'", "<>&'")]
    [InlineData("\\ud83d\\ude00", "\ud83d\ude00")]
    public void Strings_are_escaped_as_json_stringify_escapes_them(string jsonText, string canonicalText)
    {
        Assert.Equal($"[\"{canonicalText}\"]", CanonicalJson.ToText(Json($"[\"{jsonText}\"]")));
    }

    [Fact]
    public void Property_names_are_escaped_like_values()
    {
        Assert.Equal("{\"a\\u001fb\":1,\"c/d\":2}", CanonicalJson.ToText(Json("""{"c\/d":2,"a\u001Fb":1}""")));
    }

    [Theory]
    [InlineData("""{"a":1,"a":1}""", "a")]
    [InlineData("""{"a":1,"b":2,"a":3}""", "a")]
    [InlineData("""{"a":1,"\u0061":2}""", "a")]
    [InlineData("""{"m":{"x":1,"x":2}}""", "x")]
    [InlineData("""[{"ok":1},{"y":1,"y":1}]""", "y")]
    public void A_property_name_twice_in_one_object_is_refused(string json, string name)
    {
        var error = Assert.Throws<InvalidAuditEventException>(() => CanonicalJson.ToText(Json(json)));

        Assert.Equal($"The property \"{name}\" appears twice in one object.", error.Message);
    }

    [Fact]
    public void The_same_name_in_different_objects_is_not_a_duplicate()
    {
        Assert.Equal("""{"a":{"a":1},"b":{"a":2}}""", CanonicalJson.ToText(Json("""{"b":{"a":2},"a":{"a":1}}""")));
    }

    [Fact]
    public void Spelling_order_and_whitespace_of_one_event_give_one_identity()
    {
        var first = Identity.Of(Json("""{"a":1.0,"b":"x"}"""));
        var second = Identity.Of(Json("""{ "b" : "x", "a" : 1 }"""));

        Assert.Equal(first, second);
        Assert.Equal(Sha256Hex("""{"a":1,"b":"x"}"""), first);
    }

    [Theory]
    [InlineData("""{"a":1e0,"b":"\u0078"}""")]
    [InlineData("""{"b":"x","a":10e-1}""")]
    [InlineData("{\n\t\"a\" : 0.1e1 ,\r\n \"b\":\"x\"\n}")]
    public void Other_spellings_of_the_same_values_give_the_same_identity(string json)
    {
        Assert.Equal(Identity.Of(Json("""{"a":1,"b":"x"}""")), Identity.Of(Json(json)));
    }

    [Theory]
    [InlineData("""{"a":"1","b":"x"}""")]
    [InlineData("""{"a":1.000001,"b":"x"}""")]
    [InlineData("""{"a":1,"b":"X"}""")]
    [InlineData("""{"a":1,"b":"x "}""")]
    public void A_different_value_gives_a_different_identity(string json)
    {
        Assert.NotEqual(Identity.Of(Json("""{"a":1,"b":"x"}""")), Identity.Of(Json(json)));
    }

    [Fact]
    public void An_item_with_a_duplicate_name_has_no_identity_and_is_refused_by_the_parser()
    {
        var error = Assert.Throws<InvalidAuditEventException>(() =>
            PrivXEventParser.ParseItem(Json("""{"event_id":"301","created":"2026-10-02T08:14:03Z","message":{"username":"a","username":"b"}}""")));

        Assert.Contains("\"username\" appears twice", error.Message);
    }

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
    public void The_hash_is_sha256_of_the_utf8_of_the_text()
    {
        var element = Json("""{"username":"Jürgen"}""");
        var hash = new byte[32];

        CanonicalJson.HashSha256(element, hash);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("""{"username":"Jürgen"}""")), hash);
    }

    [Fact]
    public void A_text_larger_than_the_reused_buffer_hashes_as_its_utf8_and_the_next_small_one_too()
    {
        var large = new string('é', 100_000);
        var hash = new byte[32];

        CanonicalJson.HashSha256(Json($$"""{"s":"{{large}}"}"""), hash);
        var small = new byte[32];
        CanonicalJson.HashSha256(Json("""{"s":"x"}"""), small);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"s":"{{large}}"}""")), hash);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData("""{"s":"x"}"""u8), small);
    }
}
