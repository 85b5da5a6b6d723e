using PdfSharp.Drawing;
using static ComplianceReports.Rendering.ReportLayout;

namespace ComplianceReports.Rendering;

/// <summary>
/// Draws tables that wrap their cells, grow rows to fit, break across pages with the caption and
/// heading row (and the open group's row) repeated, and shorten with an ellipsis only a row that a
/// whole page could not hold.
/// </summary>
internal sealed class TableComposer(ReportFonts fonts)
{
    private const string Continued = " (continued)";

    /// <summary>A table from the left margin, full width unless narrower columns read better, that may run over several pages.</summary>
    public void Compose(PageFlow flow, TableContent table, IReadOnlyList<ColumnShape> shape, double width = ContentWidth)
    {
        if (table.Rows.Count == 0)
        {
            ComposeEmpty(flow, table);
            return;
        }
        var measured = Measure(flow.Graphics, table, shape, width);
        MeasuredRow? openGroup = null;

        void ContinueTable()
        {
            DrawCaption(flow.Graphics, table.Caption + Continued, ContentLeft, flow.Y, ContentWidth);
            flow.Advance(CaptionLineHeight);
            DrawRow(flow.Graphics, measured, measured.Heading, ContentLeft, flow.Y);
            flow.Advance(measured.Heading.Height);
            if (openGroup is not null)
            {
                DrawRow(flow.Graphics, measured, openGroup, ContentLeft, flow.Y);
                flow.Advance(openGroup.Height);
            }
        }

        // A caption and heading alone at a page's foot read as a mistake: they go with the first few rows.
        flow.Reserve(CaptionLineHeight + measured.Heading.Height + Opening(measured));
        DrawCaption(flow.Graphics, table.Caption, ContentLeft, flow.Y, ContentWidth);
        flow.Advance(CaptionLineHeight);
        DrawRow(flow.Graphics, measured, measured.Heading, ContentLeft, flow.Y);
        flow.Advance(measured.Heading.Height);
        for (var index = 0; index < measured.Rows.Count; index++)
        {
            var row = measured.Rows[index];
            if (row.Row.Style == RowStyle.Group)
            {
                // A group opening on a new page needs no repeat of itself.
                openGroup = null;
            }
            flow.Reserve(KeepTogether(measured, index, openGroup), ContinueTable);
            DrawRow(flow.Graphics, measured, row, ContentLeft, flow.Y);
            flow.Advance(row.Height);
            if (row.Row.Style == RowStyle.Group)
            {
                openGroup = row;
            }
        }
        flow.Advance(BlockSpacing);
    }

    /// <summary>
    /// Two short tables next to each other, when both fit on one page; otherwise one after the other,
    /// each free to break as any table.
    /// </summary>
    public void ComposeSideBySide(PageFlow flow, (TableContent Table, IReadOnlyList<ColumnShape> Shape) left, (TableContent Table, IReadOnlyList<ColumnShape> Shape) right)
    {
        var width = (ContentWidth - ColumnGutter) / 2;
        var leftHeight = Height(flow.Graphics, left.Table, left.Shape, width);
        var rightHeight = Height(flow.Graphics, right.Table, right.Shape, width);
        var height = Math.Max(leftHeight, rightHeight);
        if (height > BodyHeight)
        {
            Compose(flow, left.Table, left.Shape);
            Compose(flow, right.Table, right.Shape);
            return;
        }
        flow.Reserve(height);
        DrawWhole(flow.Graphics, left.Table, left.Shape, ContentLeft, flow.Y, width);
        DrawWhole(flow.Graphics, right.Table, right.Shape, ContentLeft + width + ColumnGutter, flow.Y, width);
        flow.Advance(height + BlockSpacing);
    }

    private void ComposeEmpty(PageFlow flow, TableContent table)
    {
        flow.Reserve(CaptionLineHeight + ParagraphLineHeight);
        DrawCaption(flow.Graphics, table.Caption, ContentLeft, flow.Y, ContentWidth);
        flow.Advance(CaptionLineHeight);
        DrawEmptyText(flow.Graphics, table.EmptyText, ContentLeft, flow.Y, ContentWidth);
        flow.Advance(ParagraphLineHeight + BlockSpacing);
    }

    private double Height(XGraphics graphics, TableContent table, IReadOnlyList<ColumnShape> shape, double width)
    {
        if (table.Rows.Count == 0)
        {
            return CaptionLineHeight + ParagraphLineHeight;
        }
        var measured = Measure(graphics, table, shape, width);
        return CaptionLineHeight + measured.Heading.Height + measured.Rows.Sum(row => row.Height);
    }

    private void DrawWhole(XGraphics graphics, TableContent table, IReadOnlyList<ColumnShape> shape, double left, double top, double width)
    {
        DrawCaption(graphics, table.Caption, left, top, width);
        var y = top + CaptionLineHeight;
        if (table.Rows.Count == 0)
        {
            DrawEmptyText(graphics, table.EmptyText, left, y, width);
            return;
        }
        var measured = Measure(graphics, table, shape, width);
        DrawRow(graphics, measured, measured.Heading, left, y);
        y += measured.Heading.Height;
        foreach (var row in measured.Rows)
        {
            DrawRow(graphics, measured, row, left, y);
            y += row.Height;
        }
    }

    /// <summary>The first rows, which a table does not start without, unless they alone would fill a page.</summary>
    private static double Opening(MeasuredTable table)
    {
        var height = table.Rows.Take(OpeningRows).Sum(row => row.Height);
        return height <= BodyHeight - CaptionLineHeight - table.Heading.Height ? height : KeepTogether(table, 0, openGroup: null);
    }

    /// <summary>
    /// The room row <paramref name="index"/> asks for: a group's first member and a table's total come
    /// along with the row before them, unless together they would not fit even a fresh page.
    /// </summary>
    private static double KeepTogether(MeasuredTable table, int index, MeasuredRow? openGroup)
    {
        var rows = table.Rows;
        var height = rows[index].Height;
        if (rows[index].Row.Style == RowStyle.Group && index + 1 < rows.Count && rows[index + 1].Row.Style != RowStyle.Group)
        {
            height += rows[index + 1].Height;
        }
        if (index + 1 < rows.Count && rows[index + 1].Row.Style == RowStyle.Total)
        {
            height += rows[index + 1].Height;
        }
        var room = BodyHeight - CaptionLineHeight - table.Heading.Height - (openGroup?.Height ?? 0);
        return height <= room ? height : rows[index].Height;
    }

    private const int OpeningRows = 3;

    /// <summary>A group's row repeats on every page its group runs onto, so it stays short.</summary>
    private const int MaxGroupLines = 4;

    private const double MaxGroupHeight = MaxGroupLines * TableLineHeight + 2 * TableCellPaddingY;

    private MeasuredTable Measure(XGraphics graphics, TableContent table, IReadOnlyList<ColumnShape> shape, double width)
    {
        if (shape.Count != table.Headings.Count || table.Rows.Any(row => row.Cells.Count != shape.Count))
        {
            throw new ArgumentException($"The table '{table.Caption}' has {table.Headings.Count} headings but the layout shapes {shape.Count} columns.", nameof(shape));
        }
        var shares = shape.Sum(column => column.Share);
        var widths = shape.Select(column => width * column.Share / shares).ToArray();
        var heading = MeasureRow(graphics, new TableRow(table.Headings), fonts.TableBold, widths, int.MaxValue);
        // A row taller than a fresh page with the caption, heading row and open group could never be placed: it is shortened.
        var maxLines = (int)Math.Floor((BodyHeight - CaptionLineHeight - heading.Height - MaxGroupHeight - 2 * TableCellPaddingY) / TableLineHeight);
        var rows = table.Rows
            .Select(row => MeasureRow(graphics, row, FontOf(row.Style), widths, row.Style == RowStyle.Group ? MaxGroupLines : maxLines))
            .ToList();
        return new MeasuredTable(widths, shape.Select(column => column.Numeric).ToArray(), heading, rows);
    }

    private static MeasuredRow MeasureRow(XGraphics graphics, TableRow row, XFont font, double[] widths, int maxLines)
    {
        var lines = row.Cells
            .Select((cell, column) =>
            {
                var available = widths[column] - 2 * TableCellPaddingX;
                return (IReadOnlyList<string>)TextFitting.Limit(graphics, TextFitting.Wrap(graphics, cell, font, available), font, available, maxLines);
            })
            .ToList();
        var height = lines.Max(cell => cell.Count) * TableLineHeight + 2 * TableCellPaddingY;
        return new MeasuredRow(row, lines, font, height);
    }

    private XFont FontOf(RowStyle style) => style switch
    {
        RowStyle.Finding or RowStyle.Group or RowStyle.Total => fonts.TableBold,
        RowStyle.Note => fonts.TableItalic,
        _ => fonts.Table,
    };

    private void DrawRow(XGraphics graphics, MeasuredTable table, MeasuredRow row, double left, double top)
    {
        var width = table.Widths.Sum();
        var isHeading = ReferenceEquals(row, table.Heading);
        if (isHeading)
        {
            graphics.DrawRectangle(TableHeadingBrush, left, top, width, row.Height);
        }
        else if (row.Row.Style == RowStyle.Group)
        {
            graphics.DrawRectangle(AccentTintBrush, left, top, width, row.Height);
        }
        else if (row.Row.Style == RowStyle.Total)
        {
            graphics.DrawLine(TotalRule, left, top, left + width, top);
        }
        if (row.Row.Style == RowStyle.Finding)
        {
            graphics.DrawRectangle(AlertBrush, left, top + 1, FindingMarkWidth, row.Height - 2);
        }
        var brush = row.Row.Style switch
        {
            RowStyle.Note => MutedBrush,
            RowStyle.Finding => AlertBrush,
            _ => InkBrush,
        };
        var x = left;
        for (var column = 0; column < table.Widths.Length; column++)
        {
            var lines = row.Lines[column];
            for (var line = 0; line < lines.Count; line++)
            {
                var baseline = ReportFonts.Baseline(top + TableCellPaddingY + line * TableLineHeight, TableLineHeight, row.Font);
                // The first column of a finding names it in ink; the alert colour marks only its figure and mark.
                var cellBrush = row.Row.Style == RowStyle.Finding && !table.Numeric[column] ? InkBrush : brush;
                if (table.Numeric[column])
                {
                    graphics.DrawString(lines[line], row.Font, cellBrush, x + table.Widths[column] - TableCellPaddingX, baseline, XStringFormats.BaseLineRight);
                }
                else
                {
                    graphics.DrawString(lines[line], row.Font, cellBrush, x + TableCellPaddingX, baseline, XStringFormats.BaseLineLeft);
                }
            }
            x += table.Widths[column];
        }
        if (!isHeading)
        {
            graphics.DrawLine(RowRule, left, top + row.Height, left + width, top + row.Height);
        }
    }

    private void DrawCaption(XGraphics graphics, string caption, double left, double top, double width) =>
        graphics.DrawString(TextFitting.Shorten(graphics, caption, fonts.Caption, width), fonts.Caption, InkBrush, left, ReportFonts.Baseline(top, CaptionLineHeight, fonts.Caption), XStringFormats.BaseLineLeft);

    private void DrawEmptyText(XGraphics graphics, string text, double left, double top, double width) =>
        graphics.DrawString(TextFitting.Shorten(graphics, text, fonts.Body, width), fonts.Body, MutedBrush, left, ReportFonts.Baseline(top, ParagraphLineHeight, fonts.Body), XStringFormats.BaseLineLeft);

    private sealed record MeasuredTable(double[] Widths, bool[] Numeric, MeasuredRow Heading, IReadOnlyList<MeasuredRow> Rows);

    private sealed record MeasuredRow(TableRow Row, IReadOnlyList<IReadOnlyList<string>> Lines, XFont Font, double Height);
}
