using System.Globalization;
using System.Text;
using ComplianceReports.Domain.Events;
using FsCheck;
using FsCheck.Fluent;

namespace ComplianceReports.Domain.Tests;

/// <summary>Text a producer, a broken forwarder or an attacker might put on the queue, with what it is, for the failure report.</summary>
public sealed record HostileMessage(string Kind, string Text)
{
    public override string ToString() => $"{Kind}: {(Text.Length <= 300 ? Text : Text[..300] + $"… ({Text.Length:N0} chars)")}";
}

/// <summary>An export's bytes, which may be anything, not even UTF-8.</summary>
public sealed record HostileExport(string Kind, byte[] Bytes)
{
    public override string ToString() => $"{Kind}: {Bytes.Length:N0} bytes: {Encoding.UTF8.GetString(Bytes.AsSpan(0, Math.Min(300, Bytes.Length)))}";
}

/// <summary>
/// FsCheck generators of hostile PrivX input: good items mutated a character at a time, random JSON of
/// every kind (deep, huge strings and numbers, duplicate keys, control characters, lone surrogates), edge
/// times (years 1 and 9999), codes as strings and numbers, in every message shape the queue takes.
/// </summary>
public static class HostileInput
{
    private static readonly string[] Specials =
    [
        "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\u0000", "\u0007", "\u001f", "\n", "\r", "\t",
        "\u2028", "\u202e", "\ufeff", "\ud83d\ude00", "1e400", "-0", "null", "true", "9".PadRight(400, '9'),
    ];

    private static readonly string[] Times =
    [
        "2026-10-02T08:14:03.512Z", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59.9999999Z",
        "9999-12-31T23:59:59-01:00", "2026-02-30T00:00:00Z", "2026-10-02T25:00:00Z", "2026-10-02 08:14:03Z", "2026-10-02T08:14:03",
        "1970-01-01T00:00:00.123456789012Z", "",
    ];

    private static readonly string[] Codes = ["\"100\"", "100", "100.0", "1e2", "\"-1\"", "-1", "\"0100\"", "2147483648", "\" 100\"", "null", "[100]", "\"802\"", "\"99999\""];

    public static Arbitrary<HostileMessage> Messages() => Arb.From(Message());

    public static Arbitrary<HostileExport> Exports() => Arb.From(Export());

    public static Gen<HostileMessage> Message() =>
        from items in Gen.ListOf(Item()).Select(list => list.Take(12).ToList())
        from shape in Gen.Choose(0, 4)
        from mutate in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from mutation in Mutation()
        let body = Shape(shape, items.Select(item => item.Text).ToList())
        select new HostileMessage($"{ShapeName(shape)} of {items.Count}{(mutate ? ", mutated" : "")}", mutate ? mutation(body) : body);

    public static Gen<HostileExport> Export() =>
        from lines in Gen.ListOf(Item()).Select(list => list.Take(20).ToList())
        from array in Gen.Elements(false, true)
        from bytes in Gen.ListOf(Gen.Choose(0, 255)).Select(list => list.Select(b => (byte)b).Take(8).ToArray())
        from at in Gen.Choose(0, 1000)
        let text = array ? "[" + string.Join(",\n", lines.Select(line => line.Text)) + "]" : string.Join("\n", lines.Select(line => line.Text.Replace("\n", " ")))
        let utf8 = Encoding.UTF8.GetBytes(text)
        let cut = utf8.Length == 0 ? 0 : at % utf8.Length
        // Raw bytes spliced in, often not UTF-8 at all (0xC3 alone, 0xFF, a lone continuation byte).
        select new HostileExport($"{(array ? "array" : "NDJSON")} of {lines.Count} with {bytes.Length} raw bytes at {cut}", [.. utf8[..cut], .. bytes, .. utf8[cut..]]);

    /// <summary>A good item, a good item mutated, or a random JSON value.</summary>
    public static Gen<HostileMessage> Item() =>
        Gen.Frequency(
            (4, Valid()),
            (3, from valid in Valid() from mutation in Mutation() select new HostileMessage("mutated " + valid.Kind, mutation(valid.Text))),
            (2, Json(depth: 0).Select(json => new HostileMessage("random JSON", json))),
            (1, Deep()),
            (1, DuplicateKeys()));

    private static Gen<HostileMessage> Valid() =>
        from code in Gen.Elements(Codes)
        from time in Gen.Elements(Times)
        from user in Text()
        from source in Gen.Elements("created", "message.timestamp")
        select new HostileMessage(
            $"item event_id {code} at {source} {time}",
            source == "created"
                ? "{\"event_id\":" + code + ",\"created\":\"" + time + "\",\"message\":{\"username\":" + Quote(user) + "}}"
                : "{\"event_id\":" + code + ",\"message\":{\"timestamp\":\"" + time + "\",\"username\":" + Quote(user) + "}}");

    private static Gen<HostileMessage> Deep() =>
        from depth in Gen.Frequency((3, Gen.Choose(60, 70)), (1, Gen.Choose(100, 5_000)))
        select new HostileMessage(
            $"item nested {depth} deep",
            $$"""{"event_id":"100","created":"2026-10-02T08:14:03Z","x":{{new string('[', depth)}}{{new string(']', depth)}}}""");

    private static Gen<HostileMessage> DuplicateKeys() =>
        from length in Gen.Frequency((3, Gen.Choose(1, 10)), (1, Gen.Constant(70_000)))
        let name = new string('k', length)
        select new HostileMessage(
            $"item with a {length:N0}-character key twice",
            $$"""{"event_id":"100","created":"2026-10-02T08:14:03Z","{{name}}":1,"{{name}}":2}""");

    /// <summary>One edit: a character deleted, one of the specials inserted, the text cut short, or a stretch doubled.</summary>
    private static Gen<Func<string, string>> Mutation() =>
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, int.MaxValue)
        from special in Gen.Elements(Specials)
        select (Func<string, string>)(text =>
        {
            if (text.Length == 0)
            {
                return special;
            }
            var i = at % text.Length;
            return kind switch
            {
                0 => text.Remove(i, 1),
                1 => text.Insert(i, special),
                2 => text[..i],
                _ => text.Insert(i, text.Substring(i, Math.Min(20, text.Length - i))),
            };
        });

    private static Gen<string> Json(int depth) =>
        depth > 4
            ? Scalar()
            : Gen.Frequency(
                (4, Scalar()),
                (1, Gen.ListOf(Gen.Fresh(() => Json(depth + 1))).Select(values => "[" + string.Join(",", values.Take(5)) + "]")),
                (2, from names in Gen.ListOf(Text()) from values in Gen.ListOf(Gen.Fresh(() => Json(depth + 1)))
                    select "{" + string.Join(",", names.Zip(values).Take(6).Select(pair => Quote(pair.First) + ":" + pair.Second)) + "}"));

    private static Gen<string> Scalar() =>
        Gen.OneOf(
            Text().Select(Quote),
            Gen.Elements("0", "-0", "1.5", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "true", "false", "null", "\"100\"", "100"),
            Gen.Choose(0, 3).Select(size => Quote(new string('s', size switch { 0 => 1_100, 1 => 40_000, 2 => 1_100_000, _ => 10 }))));

    private static Gen<string> Text() =>
        Gen.ListOf(Gen.Frequency((6, Gen.Choose(32, 126).Select(c => ((char)c).ToString())), (1, Gen.Elements(Specials))))
            .Select(parts => string.Concat(parts.Take(20)));

    /// <summary>A JSON string of <paramref name="text"/>, escaped or, now and then, with its control characters raw.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Shape(int shape, List<string> items) => shape switch
    {
        0 => items.Count > 0 ? items[0] : "{}",
        1 => "[" + string.Join(",", items) + "]",
        2 => string.Create(CultureInfo.InvariantCulture, $$"""{"count":{{items.Count}},"items":[{{string.Join(",", items)}}]}"""),
        3 => $$"""{"batchId":"b-1","events":[{{string.Join(",\n", items)}}]}""",
        _ => string.Join("\n", items.Select(item => item.Replace("\n", " ").Replace("\r", " "))),
    };

    private static string ShapeName(int shape) => shape switch
    {
        0 => "one item",
        1 => "array",
        2 => "page",
        3 => "envelope",
        _ => "NDJSON",
    };
}
