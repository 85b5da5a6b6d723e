using System.Text;

namespace ComplianceReports.Cli;

/// <summary>Plain-text columns for standard output, padded to the widest cell; the last column is not padded.</summary>
public static class Table
{
    public static string Format(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, IReadOnlyCollection<int>? rightAligned = null)
    {
        var widths = header.Select((title, column) => rows.Select(row => row[column].Length).Prepend(title.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend([.. header]))
        {
            var cells = row.Select((cell, column) => column == row.Length - 1 ? cell
                : rightAligned?.Contains(column) == true ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }
        return text.ToString();
    }
}
