namespace ComplianceReports.Rendering;

/// <summary>A table as words: its caption, column headings and rows; the layout decides widths and alignment.</summary>
/// <param name="EmptyText">Shown under the caption instead of a table without rows.</param>
internal sealed record TableContent(string Caption, IReadOnlyList<string> Headings, IReadOnlyList<TableRow> Rows, string EmptyText);

/// <param name="Cells">One string a column; a cell's own line breaks are kept.</param>
internal sealed record TableRow(IReadOnlyList<string> Cells, RowStyle Style = RowStyle.Plain);

internal enum RowStyle
{
    Plain,

    /// <summary>Something that needs attention: drawn bold with the alert mark.</summary>
    Finding,

    /// <summary>Opens a group of rows (a control and its events); repeated when its group runs onto a new page.</summary>
    Group,

    /// <summary>Explanatory text in place of figures.</summary>
    Note,

    /// <summary>The sum the model holds for the rows above: bold, under a stronger rule, never alone on a page.</summary>
    Total,
}

/// <summary>How the layout shapes one column: its share of the table's width, and whether it holds figures (right-aligned).</summary>
internal sealed record ColumnShape(double Share, bool Numeric = false)
{
    public static ColumnShape Text(double share) => new(share);

    public static ColumnShape Figure(double share) => new(share, Numeric: true);
}
