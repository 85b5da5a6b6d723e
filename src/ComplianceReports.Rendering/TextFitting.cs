using System.Text;
using PdfSharp.Drawing;

namespace ComplianceReports.Rendering;

/// <summary>
/// Breaks text into lines that fit a width, and shortens what still does not fit with an ellipsis,
/// so no string the model holds, however long, runs past a column or a margin.
/// </summary>
internal static class TextFitting
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Lines no wider than <paramref name="width"/>: breaks at spaces and at the line breaks the text
    /// holds, and inside a word only when the word alone is wider than the line (a hash, a JSON blob).
    /// </summary>
    public static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var spaceWidth = graphics.MeasureString(" ", font).Width;
        foreach (var paragraph in Normalise(text).Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var rest = word;
                var wordWidth = graphics.MeasureString(rest, font).Width;
                if (line.Length > 0 && lineWidth + spaceWidth + wordWidth <= width)
                {
                    line.Append(' ').Append(rest);
                    lineWidth += spaceWidth + wordWidth;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                while (wordWidth > width)
                {
                    var fits = LongestFittingPrefix(graphics, rest, font, width);
                    lines.Add(rest[..fits]);
                    rest = rest[fits..];
                    wordWidth = graphics.MeasureString(rest, font).Width;
                }
                line.Append(rest);
                lineWidth = wordWidth;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>At most <paramref name="maxLines"/> lines; a cut is marked with an ellipsis on the last line kept.</summary>
    public static List<string> Limit(XGraphics graphics, List<string> lines, XFont font, double width, int maxLines)
    {
        if (lines.Count <= maxLines)
        {
            return lines;
        }
        var kept = lines.Take(Math.Max(1, maxLines)).ToList();
        kept[^1] = Shorten(graphics, kept[^1] + Ellipsis, font, width);
        return kept;
    }

    /// <summary>The text itself if it fits on one line, else as much of it as fits followed by an ellipsis.</summary>
    public static string Shorten(XGraphics graphics, string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width)
        {
            return text;
        }
        var stem = text.EndsWith(Ellipsis, StringComparison.Ordinal) ? text[..^Ellipsis.Length] : text;
        var ellipsisWidth = graphics.MeasureString(Ellipsis, font).Width;
        var fits = LongestFittingPrefix(graphics, stem, font, Math.Max(0, width - ellipsisWidth));
        return stem[..fits].TrimEnd() + Ellipsis;
    }

    // Tabs and carriage returns come from event fields as they were sent; they would draw as nothing or as boxes.
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');

    /// <summary>How many leading characters fit; at least one, so a line always makes progress.</summary>
    private static int LongestFittingPrefix(XGraphics graphics, string text, XFont font, double width)
    {
        int low = 1, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (graphics.MeasureString(text[..middle], font).Width <= width)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        // Never split a surrogate pair: half a character draws as a box.
        return low < text.Length && char.IsLowSurrogate(text[low]) && low > 1 ? low - 1 : low;
    }
}
