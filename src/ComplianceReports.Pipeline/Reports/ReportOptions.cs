using System.Globalization;
using ComplianceReports.Domain.Reporting;
using Microsoft.Extensions.Configuration;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>Where the signing certificate comes from: configuration in Azure, a self-signed one made once locally.</summary>
/// <param name="CertificateBase64">A PFX as base64 (<c>ReportSigningCertificate</c>; in Azure a Key Vault reference).</param>
/// <param name="CertificatePath">A PFX file (<c>ReportSigningCertificatePath</c>).</param>
/// <param name="LocalSelfSignedPath">Where the local host keeps its self-signed certificate when neither is set; never in blob storage.</param>
public sealed record SigningOptions(string? CertificateBase64, string? CertificatePath, string? Password, string? LocalSelfSignedPath);

/// <summary>The report settings of app configuration, read once and handed down.</summary>
/// <param name="GracePeriod">How long after a month ends (in its time zone) it becomes due, for late deliveries.</param>
public sealed record ReportOptions(ReportSettings Settings, TimeSpan GracePeriod, SigningOptions Signing)
{
    public const string LocalSelfSignedPathKey = "ReportLocalSigningCertificatePath";

    public static ReportOptions FromConfiguration(IConfiguration configuration)
    {
        var (start, end) = ParseWorkingHours(configuration["ReportWorkingHours"] ?? "08:00-18:00");
        var settings = new ReportSettings(
            configuration["ReportOrganisation"] is { Length: > 0 } organisation ? organisation : ReportSettings.Default.Organisation,
            configuration["ReportInstance"] is { Length: > 0 } instance ? instance : null,
            ReportPeriod.FindTimeZone(configuration["ReportTimeZone"] is { Length: > 0 } zone ? zone : "UTC"),
            start,
            end,
            ParseWorkingDays(configuration["ReportWorkingDays"] ?? "Mon-Fri"));
        return new ReportOptions(
            settings,
            ParseTimeSpan(configuration, "ReportGracePeriod", TimeSpan.FromHours(6)),
            new SigningOptions(
                NullIfEmpty(configuration["ReportSigningCertificate"]),
                NullIfEmpty(configuration["ReportSigningCertificatePath"]),
                NullIfEmpty(configuration["ReportSigningCertificatePassword"]),
                NullIfEmpty(configuration[LocalSelfSignedPathKey])));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static TimeSpan ParseTimeSpan(IConfiguration configuration, string key, TimeSpan fallback) =>
        configuration[key] is not { Length: > 0 } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero ? value
        : throw new InvalidOperationException($"{key} must be a duration such as 06:00:00, not '{text}'.");

    private static (TimeOnly Start, TimeOnly End) ParseWorkingHours(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
               && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
               && start < end
            ? (start, end)
            : throw new InvalidOperationException($"ReportWorkingHours must look like 08:00-18:00, not '{text}'.");
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
        return days.Count > 0 ? days : throw new InvalidOperationException($"ReportWorkingDays names no day: '{text}'.");
    }

    private static DayOfWeek Day(string name, string text)
    {
        var index = Array.FindIndex(DayNames, day => day.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? (DayOfWeek)index : throw new InvalidOperationException($"ReportWorkingDays must use Mon, Tue, … Sun, as in Mon-Fri, not '{text}'.");
    }
}
