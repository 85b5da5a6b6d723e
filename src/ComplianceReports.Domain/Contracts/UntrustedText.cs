using System.Globalization;
using System.Text;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// Text anyone who can write to a queue supplies, made safe to log: no line breaks to forge log lines
/// with, no control or bidirectional-format characters to hide text with, and a bounded length.
/// </summary>
public static class UntrustedText
{
    public const int MaxLoggedLength = 100;

    public static string ForLog(string? text, int maxLength = MaxLoggedLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "unknown";
        }
        var safe = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        foreach (var rune in text.EnumerateRunes())
        {
            if (safe.Length >= maxLength)
            {
                return safe.Append('…').ToString();
            }
            var category = Rune.GetUnicodeCategory(rune);
            safe.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                ? "?"
                : rune.ToString());
        }
        return safe.ToString();
    }
}
