using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// Checks every value a route hands over before it gets near a blob name: route constraints would make
/// a bad value a 404, the checks here make it a 400 saying what is wrong.
/// </summary>
public static partial class RouteValues
{
    [GeneratedRegex(@"^[1-9][0-9]{0,8}\z")]
    private static partial Regex VersionShape();

    public static bool TryMonth(string? text, out Month month, [NotNullWhen(false)] out JsonReply? error)
    {
        error = Month.TryParse(text, out month) ? null : JsonReply.Error(400, $"'{text}' is not a month: write it as YYYY-MM, e.g. 2026-10.");
        return error is null;
    }

    public static bool TryVersion(string? text, out int version, [NotNullWhen(false)] out JsonReply? error)
    {
        version = 0;
        if (text is not null && VersionShape().IsMatch(text))
        {
            version = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            error = null;
            return true;
        }
        error = JsonReply.Error(400, $"'{text}' is not a report version: write a positive whole number, e.g. 1.");
        return false;
    }

    public static bool TryRequestId(string? text, [NotNullWhen(false)] out JsonReply? error)
    {
        error = ReportRequestId.IsValid(text)
            ? null
            : JsonReply.Error(400, $"'{text}' is not a report request id: use the Location that POST /{ReportLinks.RoutePrefix}/reports/{{month}} returned.");
        return error is null;
    }
}
