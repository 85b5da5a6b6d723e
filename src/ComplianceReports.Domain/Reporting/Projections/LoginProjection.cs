using ComplianceReports.Domain.Reporting.Rollups;

namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>Logins and authentication: successes, failures and who failed from where, per day, and off-hours logins.</summary>
internal sealed class LoginProjection(ReportPeriod period, ReportSettings settings) : IProjection
{
    public void Add(in ProjectedEvent projected, Rollup day)
    {
        var logins = day.Logins;
        switch (projected.Code)
        {
            case LoginCodes.Succeeded when !settings.IsWorkingTime(projected.Local):
                logins.OffHoursLogins++;
                logins.OffHoursByUser.Increment(projected.User);
                break;
            case LoginCodes.Failed:
                logins.FailuresByUser.Increment(projected.User);
                logins.FailuresByAddress.Increment(projected.Facts.SourceAddress ?? ProjectedEvent.UnknownAddress);
                break;
        }
    }

    public LoginSection Complete(Rollup month, IReadOnlyList<DayRollup> days)
    {
        var codes = month.Codes;
        var succeeded = codes.Count(LoginCodes.Succeeded);
        var failed = codes.Count(LoginCodes.Failed);
        return new LoginSection(
            succeeded,
            failed,
            succeeded + failed == 0 ? 0 : (double)failed / (succeeded + failed),
            month.Logins.FailuresByUser.Top(settings.TopCount),
            month.Logins.FailuresByAddress.Top(settings.TopCount),
            codes.Count(LoginCodes.MfaChallengeSent),
            codes.Count(LoginCodes.MfaChallengeAccepted),
            codes.Count(LoginCodes.RateLimited),
            codes.Count(LoginCodes.TokenRefreshFailed),
            codes.Count(LoginCodes.OAuthFailed),
            codes.Count(LoginCodes.DirectoryFailed),
            days.PerDay(period, day => day.Codes.Count(LoginCodes.Succeeded)),
            days.PerDay(period, day => day.Codes.Count(LoginCodes.Failed)),
            month.Logins.OffHoursLogins,
            month.Logins.OffHoursByUser.Top(settings.TopCount));
    }
}

/// <summary>The login codes the login section reads by number: PrivX's own codes, whatever category a catalog gives them.</summary>
public static class LoginCodes
{
    public const int Succeeded = 100;
    public const int Failed = 102;
    public const int MfaChallengeSent = 103;
    public const int MfaChallengeAccepted = 104;
    public const int TokenRefreshFailed = 111;
    public const int OAuthFailed = 122;
    public const int RateLimited = 130;
    public const int DirectoryFailed = 213;
}
