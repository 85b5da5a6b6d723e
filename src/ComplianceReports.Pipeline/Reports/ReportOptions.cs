using System.Globalization;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reviews;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>Where the signing certificate comes from: configuration in Azure, a self-signed one made once locally.</summary>
/// <param name="CertificateBase64">A PFX as base64 (<c>ReportSigningCertificate</c>; in Azure a Key Vault reference).</param>
/// <param name="CertificatePath">A PFX file (<c>ReportSigningCertificatePath</c>).</param>
/// <param name="LocalSelfSignedPath">Where the local host keeps its self-signed certificate when neither is set; never in blob storage.</param>
public sealed record SigningOptions(string? CertificateBase64, string? CertificatePath, string? Password, string? LocalSelfSignedPath);

/// <summary>
/// The report settings as app configuration names them, bound from its root (app settings are flat).
/// Text, not typed values, so that a bad one is refused by <see cref="ReportConfigurationValidation"/>
/// with a line naming it rather than by the binder's conversion error. Empty means unset.
/// </summary>
public sealed class ReportConfiguration
{
    public string? ReportOrganisation { get; set; }
    public string? ReportInstance { get; set; }
    public string? ReportTimeZone { get; set; }
    public string? ReportWorkingHours { get; set; }
    public string? ReportWorkingDays { get; set; }
    public string? ReportGracePeriod { get; set; }
    public string? ReportSigningCertificate { get; set; }
    public string? ReportSigningCertificatePath { get; set; }
    public string? ReportSigningCertificatePassword { get; set; }
    public string? ReportLocalSigningCertificatePath { get; set; }
    public string? ReviewDueAfter { get; set; }
}

/// <summary>Refuses a host whose report settings do not read, at start-up rather than at the first report.</summary>
public sealed class ReportConfigurationValidation : IValidateOptions<ReportConfiguration>
{
    public ValidateOptionsResult Validate(string? name, ReportConfiguration options)
    {
        try
        {
            ReportOptions.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidReportSettingException invalid)
        {
            return ValidateOptionsResult.Fail(invalid.Message);
        }
    }
}

/// <summary>A report setting that does not read; its message names the setting and is shown to the operator as it is.</summary>
public sealed class InvalidReportSettingException(string message) : Exception(message);

/// <summary>The report settings of app configuration, read once and handed down.</summary>
/// <param name="GracePeriod">How long after a month ends (in its time zone) it becomes due, for late deliveries.</param>
/// <param name="ReviewDueAfter">How long a month's latest version may wait for a reviewer before it is overdue.</param>
public sealed record ReportOptions(ReportSettings Settings, TimeSpan GracePeriod, SigningOptions Signing, TimeSpan ReviewDueAfter)
{
    public const string LocalSelfSignedPathKey = nameof(ReportConfiguration.ReportLocalSigningCertificatePath);

    public static ReportOptions From(ReportConfiguration configuration)
    {
        var (start, end) = ParseWorkingHours(Setting(configuration.ReportWorkingHours) ?? "08:00-18:00");
        var settings = new ReportSettings(
            Setting(configuration.ReportOrganisation) ?? ReportSettings.Default.Organisation,
            Setting(configuration.ReportInstance),
            ParseTimeZone(Setting(configuration.ReportTimeZone) ?? "UTC"),
            start,
            end,
            ParseWorkingDays(Setting(configuration.ReportWorkingDays) ?? "Mon-Fri"));
        return new ReportOptions(
            settings,
            ParseGracePeriod(Setting(configuration.ReportGracePeriod)),
            new SigningOptions(
                Setting(configuration.ReportSigningCertificate),
                Setting(configuration.ReportSigningCertificatePath),
                Setting(configuration.ReportSigningCertificatePassword),
                Setting(configuration.ReportLocalSigningCertificatePath)),
            ParseReviewDueAfter(Setting(configuration.ReviewDueAfter)));
    }

    private static string? Setting(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static TimeZoneInfo ParseTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new InvalidReportSettingException($"ReportTimeZone '{id}' is not a time zone: use an IANA name such as UTC or Europe/Helsinki.");

    private static TimeSpan ParseGracePeriod(string? text) =>
        text is null ? TimeSpan.FromHours(6)
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero ? value
        : throw new InvalidReportSettingException($"ReportGracePeriod must be a duration such as 06:00:00, not '{text}'.");

    private static TimeSpan ParseReviewDueAfter(string? text) =>
        text is null ? ReviewDue.DefaultDueAfter
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
        : throw new InvalidReportSettingException($"ReviewDueAfter must be a positive duration such as 7.00:00:00 (seven days), not '{text}'.");

    private static (TimeOnly Start, TimeOnly End) ParseWorkingHours(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
               && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
               && start < end
            ? (start, end)
            : throw new InvalidReportSettingException($"ReportWorkingHours must look like 08:00-18:00, not '{text}'.");
    }

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>"Mon-Fri", a list such as "Mon,Tue,Thu", or both; a range may wrap, as in "Fri-Mon".</summary>
    private static HashSet<DayOfWeek> ParseWorkingDays(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            var from = Day(range[0], text);
            var to = range.Length == 2 ? Day(range[1], text) : from;
            for (var day = from; ; day = (DayOfWeek)(((int)day + 1) % 7))
            {
                days.Add(day);
                if (day == to)
                {
                    break;
                }
            }
        }
        return days.Count > 0 ? days : throw new InvalidReportSettingException($"ReportWorkingDays names no day: '{text}'.");
    }

    private static DayOfWeek Day(string name, string text)
    {
        var index = Array.FindIndex(DayNames, day => day.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? (DayOfWeek)index : throw new InvalidReportSettingException($"ReportWorkingDays must use Mon, Tue, … Sun, as in Mon-Fri, not '{text}'.");
    }
}
