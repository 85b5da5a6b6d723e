using System.Globalization;
using ComplianceReports.Domain.Collection;
using ComplianceReports.Domain.Events;
using ComplianceReports.PrivX;
using Microsoft.Extensions.Options;

namespace ComplianceReports.Pipeline.Collection;

/// <summary>
/// The collector's settings as app configuration names them (<c>PrivX__BaseUrl</c>, …), bound from the
/// <c>PrivX</c> section. Text, so that a bad value is refused with a line naming it. Empty means unset.
/// </summary>
public sealed class CollectorConfiguration
{
    public const string Section = "PrivX";

    public string? BaseUrl { get; set; }
    public string? Instance { get; set; }
    public string? ApiClientId { get; set; }
    public string? ApiClientSecret { get; set; }
    public string? OAuthClientId { get; set; }
    public string? OAuthClientSecret { get; set; }
    public string? AuthFlow { get; set; }
    public string? CaCertificatePath { get; set; }
    public string? CollectFrom { get; set; }
    public string? Overlap { get; set; }
    public string? SafetyLag { get; set; }
    public string? WindowLength { get; set; }
    public string? TimeBudget { get; set; }
    public string? PageSize { get; set; }
    public string? RetryAttempts { get; set; }
    public string? RetryDelay { get; set; }
    public string? RequestTimeout { get; set; }
}

/// <summary>Refuses a host whose collector settings do not read, at start-up rather than at the first run.</summary>
public sealed class CollectorConfigurationValidation : IValidateOptions<CollectorConfiguration>
{
    public ValidateOptionsResult Validate(string? name, CollectorConfiguration options)
    {
        try
        {
            CollectorOptions.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidCollectorSettingException invalid)
        {
            return ValidateOptionsResult.Fail(invalid.Message);
        }
    }
}

/// <summary>A collector setting that does not read; its message names the setting.</summary>
public sealed class InvalidCollectorSettingException(string message) : Exception(message);

/// <summary>
/// The collector's settings, read once and handed down. Without <c>PrivX__BaseUrl</c> the collector is
/// off (<see cref="Connection"/> is <c>null</c>) and the other settings are not read.
/// </summary>
/// <param name="Instance">Names the PrivX instance in checkpoints, batch ids and status: one row per instance.</param>
/// <param name="CollectFrom">Where a first run starts; <c>null</c> for 24 hours before it.</param>
public sealed record CollectorOptions(
    PrivXConnection? Connection,
    string Instance,
    DateTimeOffset? CollectFrom,
    TimeSpan Overlap,
    TimeSpan SafetyLag,
    TimeSpan WindowLength,
    TimeSpan TimeBudget,
    int PageSize)
{
    /// <summary>The schedule of a run starting at <paramref name="now"/>.</summary>
    public CollectionSchedule Schedule(DateTimeOffset now) =>
        new(CollectFrom ?? now - CollectionSchedule.DefaultCollectFromAgo, Overlap, SafetyLag, WindowLength, TimeBudget);

    public static CollectorOptions From(CollectorConfiguration configuration)
    {
        var instance = Setting(configuration.Instance) ?? PrivXInstanceName.Default;
        if (!PrivXInstanceName.IsValid(instance))
        {
            throw new InvalidCollectorSettingException($"PrivX__Instance must be {PrivXInstanceName.Rule}, not '{instance}'.");
        }
        var options = new CollectorOptions(
            Connection: null,
            instance,
            Setting(configuration.CollectFrom) is { } from ? ParseInstant(from) : null,
            Duration(configuration.Overlap, "Overlap", CollectionSchedule.DefaultOverlap),
            Duration(configuration.SafetyLag, "SafetyLag", CollectionSchedule.DefaultSafetyLag),
            Duration(configuration.WindowLength, "WindowLength", CollectionSchedule.DefaultWindowLength),
            Duration(configuration.TimeBudget, "TimeBudget", CollectionSchedule.DefaultTimeBudget),
            ParsePageSize(Setting(configuration.PageSize)));
        if (options.Schedule(DateTimeOffset.UnixEpoch).Refusal() is { } refusal)
        {
            throw new InvalidCollectorSettingException(refusal + ".");
        }
        return Setting(configuration.BaseUrl) is { } baseUrl
            ? options with { Connection = Connect(configuration, baseUrl) }
            : options;
    }

    private static PrivXConnection Connect(CollectorConfiguration configuration, string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url))
        {
            throw new InvalidCollectorSettingException($"PrivX__BaseUrl must be an absolute https:// address, not '{baseUrl}'.");
        }
        if (PrivXConnection.RefuseBaseUrl(url) is { } refusal)
        {
            throw new InvalidCollectorSettingException($"PrivX__BaseUrl {refusal}, not '{baseUrl}'.");
        }
        var flow = Setting(configuration.AuthFlow)?.ToLowerInvariant() switch
        {
            null or "password" => PrivXAuthFlow.Password,
            "client-credentials" => PrivXAuthFlow.ClientCredentials,
            var other => throw new InvalidCollectorSettingException($"PrivX__AuthFlow must be password or client-credentials, not '{other}'."),
        };
        var caPath = Setting(configuration.CaCertificatePath);
        if (caPath is not null && !File.Exists(caPath))
        {
            throw new InvalidCollectorSettingException($"PrivX__CaCertificatePath names no file: '{caPath}'.");
        }
        return new PrivXConnection(
            url,
            Required(configuration.ApiClientId, "ApiClientId"),
            Required(configuration.ApiClientSecret, "ApiClientSecret"),
            Setting(configuration.OAuthClientId) ?? PrivXConnection.DefaultOAuthClientId,
            flow == PrivXAuthFlow.Password ? Required(configuration.OAuthClientSecret, "OAuthClientSecret") : Setting(configuration.OAuthClientSecret) ?? "",
            flow,
            caPath,
            new PrivXRetries(
                ParseRetryAttempts(Setting(configuration.RetryAttempts)),
                Duration(configuration.RetryDelay, "RetryDelay", PrivXRetries.Default.BaseDelay),
                Duration(configuration.RequestTimeout, "RequestTimeout", PrivXRetries.Default.AttemptTimeout)));
    }

    private static string? Setting(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Required(string? value, string name) =>
        Setting(value) ?? throw new InvalidCollectorSettingException($"PrivX__{name} is required when PrivX__BaseUrl is set.");

    private static DateTimeOffset ParseInstant(string text) =>
        Rfc3339.TryParse(text, out var instant)
            ? instant.ToUniversalTime()
            : throw new InvalidCollectorSettingException($"PrivX__CollectFrom must be an RFC 3339 instant such as 2026-10-01T00:00:00Z, not '{text}'.");

    private static TimeSpan Duration(string? value, string name, TimeSpan fallback) =>
        Setting(value) is not { } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero ? duration
        : throw new InvalidCollectorSettingException($"PrivX__{name} must be a duration such as 00:10:00, not '{text}'.");

    private static int ParsePageSize(string? text) =>
        text is null ? PrivXApiClient.MaxPageSize
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= PrivXApiClient.MaxPageSize ? size
        : throw new InvalidCollectorSettingException($"PrivX__PageSize must be a whole number from 1 to {PrivXApiClient.MaxPageSize}, not '{text}'.");

    private static int ParseRetryAttempts(string? text) =>
        text is null ? PrivXRetries.Default.MaxRetries
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) && retries <= 20 ? retries
        : throw new InvalidCollectorSettingException($"PrivX__RetryAttempts must be a whole number from 0 to 20, not '{text}'.");
}
