namespace ComplianceReports.Storage.Queues;

/// <summary>Queue names, shared by the Functions app, the local host and every producer.</summary>
public static class QueueNames
{
    /// <summary>PrivX audit events to ingest, many a message.</summary>
    public const string AuditEvents = "audit-events";

    /// <summary>Requests for a month's report; the only way a report gets generated.</summary>
    public const string ReportRequests = "report-requests";

    /// <summary>Report versions to mail to <c>ReportRecipients</c>, one message a version.</summary>
    public const string ReportMail = "report-mail";

    /// <summary>Reviews the CLI asks the functions to sign and record: only they hold the signing key.</summary>
    public const string ReportReviews = "report-reviews";

    /// <summary>Where the host moves a message after its last failed attempt.</summary>
    public static string Poison(string queueName) => queueName + "-poison";
}
