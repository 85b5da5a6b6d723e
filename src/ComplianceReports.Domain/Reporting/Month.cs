using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceReports.Domain.Reporting;

/// <summary>A calendar month in UTC, written <c>YYYY-MM</c> everywhere: in blob names, queue messages and on the command line.</summary>
public readonly partial record struct Month : IComparable<Month>
{
    [GeneratedRegex(@"^([0-9]{4})-(0[1-9]|1[0-2])\z")]
    private static partial Regex Shape();

    public Month(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12);
        Year = year;
        Number = number;
    }

    public int Year { get; }

    public int Number { get; }

    public DateTimeOffset StartUtc => new(Year, Number, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant after the month.</summary>
    public DateTimeOffset EndUtc => StartUtc.AddMonths(1);

    public Month Previous => Of(StartUtc.AddMonths(-1));

    public Month Next => Of(EndUtc);

    public bool Contains(DateTimeOffset instant) => instant >= StartUtc && instant < EndUtc;

    public static Month Of(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new Month(utc.Year, utc.Month);
    }

    /// <summary>Exactly <c>YYYY-MM</c>: anything else is refused, so no text from outside reaches a blob name unchecked.</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        var match = text is null ? null : Shape().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 1 or > 9998)
        {
            return false;
        }
        month = new Month(year, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static Month Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month; write it as YYYY-MM, e.g. 2026-10.");

    public int CompareTo(Month other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}
