namespace ComplianceReports.Cli;

/// <summary>
/// Progress of a long send as lines on standard error, so standard output keeps only the result.
/// Reports on the caller's thread: <see cref="Progress{T}"/> would post them to the thread pool, where
/// they could land after the result line.
/// </summary>
public sealed class ProgressLines : IProgress<int>
{
    private readonly Func<int, string?> lineFor;

    private ProgressLines(Func<int, string?> lineFor) => this.lineFor = lineFor;

    /// <summary>A line each time another tenth of <paramref name="total"/> is done.</summary>
    public static ProgressLines EveryTenth(int total, Func<int, int, string> line)
    {
        var shown = 0;
        return new ProgressLines(done =>
        {
            var tenths = (int)(10L * done / total);
            if (tenths <= shown)
            {
                return null;
            }
            shown = tenths;
            return line(done, tenths * 10);
        });
    }

    /// <summary>A line for every step, for work of a few steps only.</summary>
    public static ProgressLines EveryStep(Func<int, string> line) => new(line);

    public void Report(int value)
    {
        if (lineFor(value) is { } line)
        {
            Console.Error.WriteLine(line);
        }
    }
}
