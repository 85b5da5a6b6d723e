using Spectre.Console;
using Spectre.Console.Rendering;

namespace ComplianceReports.Cli;

/// <summary>
/// Standard output and standard error as Spectre consoles. Redirected to a file or a pipe, output is
/// plain text for scripts: no colour, no cursor moves, and no width to wrap or truncate at. Progress
/// and colour are for a person at a terminal, so they go to standard error, and only when it is one.
/// </summary>
public static class Terminal
{
    /// <summary>Wider than any line the CLI writes, short of arithmetic on the width overflowing.</summary>
    private const int Unlimited = int.MaxValue / 4;

    private static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>For progress bars, which must fit the terminal they redraw on.</summary>
    private static IAnsiConsole ProgressBars { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>For error lines, as wide as the line: a narrow terminal wraps it softly, so a copied error stays one line.</summary>
    private static IAnsiConsole ErrorLines { get; } = Create(Console.Error, Console.IsErrorRedirected, width: Unlimited);

    /// <summary>Writes left-aligned columns two spaces apart to standard output, the header in bold on a terminal; <paramref name="rightAligned"/> columns (numbers) align right.</summary>
    public static void WriteTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyCollection<int>? rightAligned = null, int indent = 0)
    {
        var table = Columns(header, rows, rightAligned, indent);
        if (!Console.IsOutputRedirected)
        {
            Out.Write(table);
            return;
        }
        // Spectre pads every cell to its column's width: a file or a pipe gets the lines without the trailing spaces.
        var text = new StringWriter();
        Create(text, redirected: true).Write(table);
        foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.Out.WriteLine(line.TrimEnd());
        }
    }

    private static Table Columns(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyCollection<int>? rightAligned, int indent)
    {
        var table = new Table().Border(TableBorder.None);
        for (var column = 0; column < header.Count; column++)
        {
            var last = column == header.Count - 1;
            table.AddColumn(new TableColumn(new Text(header[column], new Style(decoration: Decoration.Bold)))
            {
                Alignment = rightAligned?.Contains(column) == true ? Justify.Right : Justify.Left,
                Padding = new Padding(column == 0 ? indent : 0, 0, last ? 0 : 2, 0),
                // Only the last column (the longest, free text) wraps on a narrow terminal.
                NoWrap = !last,
            });
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }
        return table;
    }

    /// <summary>The one line a failure is told in: <c>compliance: …</c>, the prefix in red on a terminal.</summary>
    public static void WriteError(string message)
    {
        ErrorLines.Write(new Text("compliance:", new Style(Color.Red, decoration: Decoration.Bold)));
        ErrorLines.WriteLine(" " + message, Style.Plain);
    }

    /// <summary>
    /// A line for standard error, such as a refused item's, that may come while a progress bar is drawn:
    /// on a terminal it goes above the bar, through the console drawing it (wrapped at its width);
    /// elsewhere it is plain text, one line.
    /// </summary>
    public static async Task WriteErrorLineAsync(string line)
    {
        if (Console.IsErrorRedirected)
        {
            await Console.Error.WriteLineAsync(line);
            return;
        }
        ProgressBars.WriteLine(line, Style.Plain);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> steps when
    /// <paramref name="show"/> and standard error is a terminal; else it gets no progress (null), so a
    /// log or a pipe holds only the result.
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(string description, long total, bool show, Func<IProgress<long>?, Task<T>> work)
    {
        if (!show || Console.IsErrorRedirected)
        {
            return await work(null);
        }
        return await new Progress(ProgressBars)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context => work(new TaskProgress(context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1)))));
    }

    public static Task WithProgressAsync(string description, long total, bool show, Func<IProgress<long>?, Task> work) =>
        WithProgressAsync(description, total, show, async progress =>
        {
            await work(progress);
            return true;
        });

    /// <summary>Counts the items off as they are enumerated.</summary>
    public static IEnumerable<T> Counted<T>(this IEnumerable<T> items, IProgress<long>? progress)
    {
        long done = 0;
        foreach (var item in items)
        {
            yield return item;
            progress?.Report(++done);
        }
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected, int? width = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if ((redirected ? Unlimited : width) is { } fixedWidth)
        {
            console.Profile.Width = fixedWidth;
        }
        return console;
    }

    /// <summary>
    /// Sets the bar on the caller's thread: <see cref="Progress{T}"/> would post to the thread pool,
    /// where a report could land after the bar is done.
    /// </summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
