using System.CommandLine;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Cli;

/// <summary>The <c>--month YYYY-MM</c> option every command that works on a month takes, checked the same way.</summary>
public static class CliMonths
{
    public static Option<string> Option() => new("--month")
    {
        Description = "The month, as YYYY-MM (UTC)",
        Required = true,
    };

    public static Month Parse(string text) =>
        Month.TryParse(text, out var month) ? month : throw new CliException($"'{text}' is not a month: write it as YYYY-MM, e.g. 2026-10");
}
