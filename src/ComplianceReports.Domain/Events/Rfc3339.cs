using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceReports.Domain.Events;

/// <summary>RFC 3339 date-times: a time without an offset is ambiguous, so it is refused rather than guessed.</summary>
public static partial class Rfc3339
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})\z")]
    private static partial Regex Shape();

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!Shape().IsMatch(text))
        {
            return false;
        }
        // .NET keeps at most seven fractional digits; PrivX's nanoseconds beyond that carry no meaning here.
        var normalized = Regex.Replace(text, @"(\.\d{7})\d+", "$1");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
