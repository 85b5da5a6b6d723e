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

    /// <summary>Re-collections from PrivX that the CLI asks for; the functions, which hold the credentials, serve them.</summary>
    public const string CollectRequests = "privx-collect-requests";

    /// <summary>Where the host moves a message after its last failed attempt.</summary>
    public static string Poison(string queueName) => queueName + "-poison";

    /// <summary>
    /// Producers send with no expiry: a message waiting out an outage, or a backlog, must not vanish after
    /// the queue's default seven days.
    /// </summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
}
