using System.Globalization;
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
    public static string ToText(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    public static byte[] ToUtf8Bytes(JsonElement element) => Encoding.UTF8.GetBytes(ToText(element));

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                string? previous = null;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (previous == property.Name)
                    {
                        throw new InvalidAuditEventException($"The property \"{PrivXEventParser.Shorten(property.Name)}\" appears twice in one object.");
                    }
                    if (previous is not null)
                    {
                        text.Append(',');
                    }
                    WriteString(property.Name, text);
                    text.Append(':');
                    Write(property.Value, text);
                    previous = property.Name;
                }
                text.Append('}');
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

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
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
