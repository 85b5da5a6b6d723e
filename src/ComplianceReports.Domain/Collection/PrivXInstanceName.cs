using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ComplianceReports.Domain.Collection;

/// <summary>
/// The name a PrivX instance goes by in checkpoints, batch ids and status: it becomes a table key and
/// part of a batch id, so nothing else gets through.
/// </summary>
public static partial class PrivXInstanceName
{
    public const string Default = "privx";

    public const string Rule = "1–32 letters, digits or dashes, starting with a letter or digit";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{0,31}\z")]
    private static partial Regex Shape();

    public static bool IsValid([NotNullWhen(true)] string? name) => name is not null && Shape().IsMatch(name);
}
