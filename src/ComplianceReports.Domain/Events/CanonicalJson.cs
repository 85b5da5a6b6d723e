using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ComplianceReports.Domain.Events;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): object keys sorted by UTF-16 code unit, no insignificant
/// whitespace, strings escaped as ECMAScript's JSON.stringify does and numbers written as ECMAScript
/// writes doubles. Two exports of one event that differ only in key order, formatting or number
/// spelling (<c>1.0</c>, <c>1e0</c>) canonicalize, and so hash, the same.
/// </summary>
public static class CanonicalJson
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    // Every stored event's identity is hashed from this text, on ingestion and again on every rebuild
    // and check: one buffer per thread, reused, keeps that from allocating per event. One grown by a
    // rare large item is not kept.
    private const int KeptChars = 1 << 16;

    [ThreadStatic]
    private static Utf16Buffer? buffer;

    public static string ToText(JsonElement element) => new(Written(element));

    /// <summary>SHA-256 of the canonical text's UTF-8 bytes (a lone surrogate, not valid I-JSON, becomes U+FFFD) into <paramref name="sha256"/>.</summary>
    public static void HashSha256(JsonElement element, Span<byte> sha256)
    {
        var text = Written(element);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            SHA256.HashData(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)), sha256);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static ReadOnlySpan<char> Written(JsonElement element)
    {
        var text = buffer is { Capacity: <= KeptChars } kept ? kept : buffer = new Utf16Buffer();
        text.Clear();
        Write(element, text);
        return text.Written;
    }

    private static void Write(JsonElement element, Utf16Buffer text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, text);
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(',');
                    }
                    Write(item, text);
                    first = false;
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                // 1e400 reads as infinity: RFC 8785 refuses it, else every such number would hash alike.
                text.Append(element.TryGetDouble(out var number) && double.IsFinite(number)
                    ? FormatNumber(number)
                    : throw new InvalidAuditEventException($"The number {PrivXEventParser.Shorten(element.GetRawText())} is too large for a double."));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteObject(JsonElement element, Utf16Buffer text)
    {
        var count = element.GetPropertyCount();
        var names = ArrayPool<string>.Shared.Rent(count);
        var properties = ArrayPool<JsonProperty>.Shared.Rent(count);
        try
        {
            var index = 0;
            foreach (var property in element.EnumerateObject())
            {
                names[index] = property.Name;
                properties[index++] = property;
            }
            Array.Sort(names, properties, 0, count, StringComparer.Ordinal);
            text.Append('{');
            for (index = 0; index < count; index++)
            {
                if (index > 0)
                {
                    if (names[index - 1] == names[index])
                    {
                        throw new InvalidAuditEventException($"The property \"{PrivXEventParser.Shorten(names[index])}\" appears twice in one object.");
                    }
                    text.Append(',');
                }
                WriteString(names[index], text);
                text.Append(':');
                Write(properties[index].Value, text);
            }
            text.Append('}');
        }
        finally
        {
            ArrayPool<string>.Shared.Return(names, clearArray: true);
            ArrayPool<JsonProperty>.Shared.Return(properties, clearArray: true);
        }
    }

    private static void WriteString(string value, Utf16Buffer text)
    {
        text.Append('"');
        var rest = value.AsSpan();
        for (var next = rest.IndexOfAny(Escaped); next >= 0; next = rest.IndexOfAny(Escaped))
        {
            text.Append(rest[..next]);
            var c = rest[next];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default: text.Append("\\u00").Append(HexDigits[c >> 4]).Append(HexDigits[c & 0xf]); break;
            }
            rest = rest[(next + 1)..];
        }
        text.Append(rest);
        text.Append('"');
    }

    private const string HexDigits = "0123456789abcdef";

    /// <summary>A growing UTF-16 buffer: what a <see cref="StringBuilder"/> is, without its chunks, so the text hashes from one span.</summary>
    private sealed class Utf16Buffer
    {
        private char[] chars = new char[4096];
        private int length;

        public ReadOnlySpan<char> Written => chars.AsSpan(0, length);

        public int Capacity => chars.Length;

        public void Clear() => length = 0;

        public Utf16Buffer Append(char c)
        {
            if (length == chars.Length)
            {
                Grow(1);
            }
            chars[length++] = c;
            return this;
        }

        public Utf16Buffer Append(ReadOnlySpan<char> text)
        {
            if (length + text.Length > chars.Length)
            {
                Grow(text.Length);
            }
            text.CopyTo(chars.AsSpan(length));
            length += text.Length;
            return this;
        }

        private void Grow(int more) => Array.Resize(ref chars, Math.Max(chars.Length * 2, length + more));
    }

    /// <summary>ECMAScript's Number::toString: the shortest digits that round-trip, placed by the size of the exponent.</summary>
    public static string FormatNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E');
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var allDigits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        // n: where the decimal point falls after the first significant digit, as ECMAScript counts it.
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        n -= leadingZeros;
        var k = digits.Length;

        var formatted =
            k <= n && n <= 21 ? digits + new string('0', n - k)
            : 0 < n && n <= 21 ? digits[..n] + "." + digits[n..]
            : -6 < n && n <= 0 ? "0." + new string('0', -n) + digits
            : (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + (n - 1 >= 0 ? "+" : "-") + Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture);
        return value < 0 ? "-" + formatted : formatted;
    }
}
