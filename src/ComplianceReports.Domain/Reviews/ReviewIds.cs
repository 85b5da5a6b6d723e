using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ComplianceReports.Domain.Reviews;

/// <summary>
/// Review ids: the time signed off, then random digits, so they sort by time and two reviewers in the
/// same millisecond still differ. They become part of a blob name and a row key, so nothing else gets through.
/// </summary>
public static partial class ReviewIds
{
    public const string Rule = "up to 64 letters, digits and dashes";

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z")]
    private static partial Regex Shape();

    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Shape().IsMatch(text);

    public static string New(DateTimeOffset reviewedAt) =>
        reviewedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
