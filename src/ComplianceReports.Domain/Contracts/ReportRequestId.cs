using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ComplianceReports.Domain.Contracts;

/// <summary>
/// The one rule for report request ids, for the queue and the HTTP route alike: the CLI's and HTTP's
/// are 32 hex digits, the timer's name the change they answer (<c>timer-2026-10-4-0</c>). They become
/// part of a blob name, so nothing else gets through.
/// </summary>
public static partial class ReportRequestId
{
    public const int MaxLength = 64;

    public const string Rule = "up to 64 letters, digits and dashes";

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z")]
    private static partial Regex Shape();

    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Shape().IsMatch(text);

    /// <summary>A fresh id for a request someone asks for now.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
