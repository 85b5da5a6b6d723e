namespace ComplianceReports.Domain.Reporting.Projections;

/// <summary>Logins and authentication: successes, failures and who failed from where, per day, and off-hours logins.</summary>
internal sealed class LoginProjection(ReportPeriod period, ReportSettings settings) : IProjection
{
    private readonly Dictionary<string, long> failuresByUser = [];
    private readonly Dictionary<string, long> failuresByAddress = [];
    private readonly Dictionary<string, long> offHoursByUser = [];
    private readonly Dictionary<DateOnly, long> loginsPerDay = [];
    private readonly Dictionary<DateOnly, long> failuresPerDay = [];
    private long offHoursLogins;

    public void Add(in ProjectedEvent projected)
    {
        switch (projected.Code)
        {
            case LoginCodes.Succeeded:
                loginsPerDay.Increment(projected.Day);
                if (!settings.IsWorkingTime(projected.Local))
                {
                    offHoursLogins++;
                    offHoursByUser.Increment(projected.User);
                }
                break;
            case LoginCodes.Failed:
                failuresPerDay.Increment(projected.Day);
                failuresByUser.Increment(projected.User);
                failuresByAddress.Increment(projected.Facts.SourceAddress ?? ProjectedEvent.UnknownAddress);
                break;
        }
    }

    public LoginSection Complete(CodeProjection codes)
    {
        var succeeded = codes.Count(LoginCodes.Succeeded);
        var failed = codes.Count(LoginCodes.Failed);
        return new LoginSection(
            succeeded,
            failed,
            succeeded + failed == 0 ? 0 : (double)failed / (succeeded + failed),
            failuresByUser.Top(settings.TopCount),
            failuresByAddress.Top(settings.TopCount),
            codes.Count(LoginCodes.MfaChallengeSent),
            codes.Count(LoginCodes.MfaChallengeAccepted),
            codes.Count(LoginCodes.RateLimited),
            codes.Count(LoginCodes.TokenRefreshFailed),
            codes.Count(LoginCodes.OAuthFailed),
            codes.Count(LoginCodes.DirectoryFailed),
            loginsPerDay.Daily(period),
            failuresPerDay.Daily(period),
            offHoursLogins,
            offHoursByUser.Top(settings.TopCount));
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
