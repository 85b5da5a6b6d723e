using System.Collections.Frozen;

namespace ComplianceReports.Domain.Catalog;

// Imported here, inside the namespace, so that the category System wins over the namespace System in the table.
using static CatalogCategories;
using static EventOutcome;

/// <summary>
/// The PrivX v24 Audit Events Reference (145 events) with how the reports treat each event: category,
/// outcome, finding and the controls it is evidence for. The table below is data, written from
/// <c>shared/seeds/000_b6dbcb8e999cf56d.txt</c> and <c>shared/reference/catalog-categories.md</c>;
/// tests hold it to both files. Where it departs from the categories document, README.md says why.
/// </summary>
public static class PrivXCatalog
{
    public static string Version => "PrivX v24";

    /// <summary>All 145 events of the reference, in ascending code order.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } = Array.AsReadOnly<CatalogEntry>(
    [
        E(0, "License-error", "The system license does not allow operation.", System, Alert, true, "SOC 2 CC7.2"),
        E(1, "Configuration-error", "The system configuration is invalid.", System, Alert, true, "SOC 2 CC7.1", "SOC 2 CC7.2"),
        E(10, "Service-starting", "The service is starting.", System, Success, false, "PCI 10.2.1.6"),
        E(11, "Service-running", "The service is running.", System, Success, false, "PCI 10.2.1.6"),
        E(12, "Service-stopped", "The service has been stopped.", System, Success, true, "PCI 10.2.1.6", "SOC 2 CC7.2"),
        E(100, "User-logged-in", "User has logged in to the system.", Logins, Success, false, "PCI 10.2.1", "SOC 2 CC6.1", "ISO A.8.16"),
        E(102, "User-login-failed", "User login operation failed.", Logins, Failure, false, "PCI 10.2.1.4", "SOC 2 CC6.1", "ISO A.8.16"),
        E(103, "User-MFA-challenge-sent", "User tried to log in without MFA pin code.", Logins, Success, false, "SOC 2 CC6.1", "ISO A.8.16"),
        E(104, "User-MFA-challenge-accepted", "User successfully authenticated with MFA pin code.", Logins, Success, false, "PCI 10.2.1", "SOC 2 CC6.1", "ISO A.8.16"),
        E(105, "User-MFA-challenge-setup-sent", "User was MFA setup information.", Logins, Success, false, "PCI 10.2.1.5", "SOC 2 CC6.1", "ISO A.8.16"),
        E(106, "Access-token-granted", "Access token granted", Logins, Success, false, "SOC 2 CC6.1", "ISO A.8.16"),
        E(110, "User-access-token-refreshed", "User refreshed the access token", Logins, Success, false, "SOC 2 CC6.1", "ISO A.8.16"),
        E(111, "User-access-token-refresh-failed", "User access token refresh failed.", Logins, Failure, false, "PCI 10.2.1.4", "SOC 2 CC6.1", "ISO A.8.16"),
        E(121, "OAuth-client-authenticated", "OAuth client authenticated", Logins, Success, false, "SOC 2 CC6.1", "ISO A.8.16"),
        E(122, "OAuth-client-authentication-failed", "OAuth client authentication failed", Logins, Failure, false, "PCI 10.2.1.4", "SOC 2 CC6.1", "ISO A.8.16"),
        E(130, "User-login-attempt-rate-limited", "User login attempt rate limited", Logins, Failure, false, "PCI 10.2.1.4", "SOC 2 CC6.1", "SOC 2 CC7.2", "ISO A.8.16"),
        E(201, "Role-added", "New role added to the system.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(202, "Role-modified", "Role has been modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(203, "Role-removed", "Role has been removed.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(210, "Directory-added", "New directory added to the system.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(211, "Directory-modified", "Directory has been modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(212, "Directory-removed", "Directory has been removed.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(213, "Directory-authentication-failed", "Directory authentication failed.", Logins, Failure, false, "PCI 10.2.1.4", "SOC 2 CC6.1", "ISO A.8.16"),
        E(220, "User-roles-modified", "The user's role associations were changed", Access, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(230, "AWS-token-granted", "AWS token was granted to a user", Secrets, Success, false, "PCI 10.2.1.1", "SOC 2 CC6.1"),
        E(231, "AWS-token-grant-failed", "AWS token grant failed", Secrets, Failure, false, "PCI 10.2.1.4", "SOC 2 CC6.1"),
        E(232, "LogConf-collector-created", "LogConf collector created", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(233, "LogConf-collector-modified", "LogConf collector modified", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(234, "LogConf-collector-removed", "LogConf collector removed", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(235, "LogConf-collector-failed", "LogConf collector failed", System, Failure, false),
        E(250, "RoleContext-usage-alert", "RoleContext limitations were violated.", Access, Alert, true, "PCI 10.2.1.2", "SOC 2 CC6.1", "SOC 2 CC7.2", "ISO A.8.16"),
        E(251, "RoleContext-role-blocked", "RoleContext limitations were violated, role blocked.", Access, Alert, true, "PCI 10.2.1.2", "SOC 2 CC6.1", "SOC 2 CC7.2", "ISO A.8.16"),
        E(260, "Authorized-key-added", "Authorized key added", Secrets, Success, false, "PCI 10.2.1.5", "SOC 2 CC6.1"),
        E(261, "Authorized-key-modified", "Authorized key modified", Secrets, Success, false, "PCI 10.2.1.5", "SOC 2 CC6.1"),
        E(262, "Authorized-key-removed", "Authorized key removed", Secrets, Success, false, "PCI 10.2.1.5", "SOC 2 CC6.1"),
        E(300, "Connection-requested", "Connection was requested.", Sessions, Success, false),
        E(301, "Connection-authenticated", "Connection was authenticated.", Sessions, Success, false, "PCI 10.2.1"),
        E(302, "Connection-rejected", "Connection was rejected.", Sessions, Failure, false, "PCI 10.2.1.4"),
        E(303, "Connection-closed", "Connection was closed.", Sessions, Success, false),
        E(304, "Connection-failed", "Connection closed with an error.", Sessions, Failure, false, "PCI 10.2.1.4"),
        E(305, "Client-authenticated", "Client was authenticated.", Sessions, Success, false, "PCI 10.2.1"),
        E(310, "Session-added", "A session was added to a connection.", Sessions, Success, false, "PCI 10.2.1"),
        E(311, "Session-removed", "A session was removed from a connection.", Sessions, Success, false),
        E(312, "Session-rejected", "A session was rejected.", Sessions, Failure, false, "PCI 10.2.1.4"),
        E(320, "File-upload", "File upload performed.", Sessions, Success, false, "PCI 10.2.1.1"),
        E(321, "File-download", "File download performed.", Sessions, Success, false, "PCI 10.2.1.1"),
        E(324, "Host-key-matched", "Host key matched", Sessions, Success, false),
        E(325, "Host-key-denied", "Host key denied", Sessions, Failure, false, "PCI 10.2.1.4"),
        E(326, "Host-key-accepted", "Host key accepted", Sessions, Success, false),
        E(327, "Host-key-saved", "Host key saved", Sessions, Success, false),
        E(328, "Extender-connected", "Extender connected", System, Success, false),
        E(329, "Extender-disconnected", "Extender disconnected", System, Success, false),
        E(330, "File-removed", "File removed via SSH.", Sessions, Success, false),
        E(331, "Folder-removed", "Folder removed via SSH.", Sessions, Success, false),
        E(332, "File-moved", "File moved.", Sessions, Success, false),
        E(333, "Folder-created", "Folder created.", Sessions, Success, false),
        E(334, "Connection-audit-started", "Connection audit started", Integrity, Success, false, "PCI 10.2.1.6", "ISO A.8.15"),
        E(335, "Connection-audit-failed", "Connection audit failed", Integrity, Alert, true, "PCI 10.2.1.6", "SOC 2 CC7.2", "ISO A.8.15"),
        E(336, "Host-certificate-trusted", "Host certificate trusted", Sessions, Success, false),
        E(337, "Host-certificate-matched", "Host certificate matched", Sessions, Success, false),
        E(338, "Host-certificate-denied", "Host certificate denied", Sessions, Failure, false, "PCI 10.2.1.4"),
        E(339, "Host-certificate-accepted", "Host certificate accepted", Sessions, Success, false),
        E(340, "Host-certificate-saved", "Host certificate saved", Sessions, Success, false),
        E(400, "Authorization-requested", "A client requested an authorization.", Access, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(401, "Authorization-certificate-granted", "An authorization certificate granted.", Access, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(402, "Authorization-role-key-granted", "An authorization role key granted.", Access, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(403, "Authorization-role-key-sign-operation-rejected", "An authorization role key sign operation was rejected.", Access, Failure, false, "PCI 10.2.1.2", "PCI 10.2.1.4", "SOC 2 CC6.1", "ISO A.8.16"),
        E(404, "Authorization-role-key-sign-operation-accepted", "An authorization role key sign operation was accepted.", Access, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(405, "Authorization-rejected", "An authorization was rejected.", Access, Failure, false, "PCI 10.2.1.2", "PCI 10.2.1.4", "SOC 2 CC6.1", "ISO A.8.16"),
        E(406, "Authorization-certificate-warning", "Authorization certificate creation generated warnings.", Access, Alert, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(407, "Authorization-passphrase-returned", "Authorization passphrase was returned", Secrets, Success, false, "PCI 10.2.1.1", "SOC 2 CC6.1"),
        E(410, "Principal-added", "A principal was added.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(411, "Principal-removed", "A principal was removed.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(420, "Trusted-client-added", "A trusted client was added.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(421, "Trusted-client-modified", "A trusted client was modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(423, "Trusted-client-removed", "A trusted client was removed.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(424, "API-client-added", "An API client was added.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(425, "API-client-modified", "An API client was modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(426, "API-client-removed", "An API client was removed.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(430, "License-updated", "The service license was updated.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(440, "CA-certificate-created", "CA certificate was created.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(441, "CA-certificate-deleted", "CA certificate was deleted.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(442, "EE-certificate-enrolled", "End entity certificate was enrolled", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(443, "EE-certificate-revoked", "End entity certificate was revoked", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(444, "CA-certificate-enrolled", "CA certificate was enrolled", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(445, "CA-certificate-revoked", "CA certificate was revoked", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(450, "Access-group-created", "Access group created", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(451, "Access-group-modified", "Access group modified", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(452, "Access-group-deleted", "Access group deleted", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(500, "User-added", "New user added to the system.", Users, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC6.1"),
        E(501, "User-modified", "User has been modified.", Users, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1"),
        E(502, "User-removed", "User has been removed.", Users, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC6.1"),
        E(510, "User-password-modified", "User password has been modified.", Secrets, Success, false, "PCI 10.2.1.5", "SOC 2 CC6.1"),
        E(520, "User-authenticated", "User has been authenticated.", Logins, Success, false, "PCI 10.2.1", "SOC 2 CC6.1", "ISO A.8.16"),
        E(521, "User-authentication-failed", "User authentication has failed.", Logins, Failure, false, "PCI 10.2.1.4", "SOC 2 CC6.1", "ISO A.8.16"),
        E(600, "Workflow-added", "A workflow was added.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(601, "Workflow-modified", "A workflow was modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(602, "Workflow-removed", "A workflow was removed.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(610, "Request-added", "A request was added.", Workflow, Success, false),
        E(612, "Request-removed", "A request was removed.", Workflow, Success, false),
        E(620, "Decision-made", "A decision has been made on a request.", Workflow, Success, false),
        E(630, "Email-sent", "A email notification has been sent.", Workflow, Success, false),
        E(631, "Email-configuration-modified", "Email configuration has been modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(632, "Email-not-sent", "Email not sent.", System, Failure, false),
        E(700, "Log-downloaded", "Log files have been downloaded.", Integrity, Success, false, "PCI 10.2.1.3", "ISO A.8.15", "NIST AU-9"),
        E(710, "Log-level-modified", "The log level was modified.", Configuration, Success, true, "PCI 10.2.1.2", "PCI 10.2.1.6", "SOC 2 CC7.1", "SOC 2 CC7.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(801, "Host-added", "A host was added.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(802, "Host-modified", "A host was modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(803, "Host-removed", "A host was removed.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 10.2.1.7", "SOC 2 CC8.1", "ISO A.8.16"),
        E(804, "Host-service-connection-re-established", "A host service connection re-established.", System, Success, false),
        E(805, "Host-service-connection-failure", "A host service connection failed.", System, Failure, false),
        E(806, "Host-disabled-state-changed", "Host disabled state changed", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC8.1", "ISO A.8.16"),
        E(900, "Connection-terminated", "Connection terminated.", Sessions, Success, false),
        E(901, "Connection-terminated-for-host", "Connection terminated for host.", Sessions, Success, false),
        E(902, "Connection-terminated-for-user", "Connection terminated for user.", Sessions, Success, false),
        E(903, "Licensed-connection-count-exceeded", "Licensed connection count exceeded.", System, Alert, false),
        E(910, "Access-role-granted", "Access role granted", Access, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(911, "Access-role-revoked", "Access role revoked", Access, Success, false, "PCI 10.2.1.2", "SOC 2 CC6.1", "ISO A.8.16"),
        E(920, "Connections-meta-removed", "Connections meta removed", Integrity, Success, true, "PCI 10.2.1.6", "SOC 2 CC7.2", "ISO A.8.15", "NIST AU-9"),
        E(1000, "Trail-opened", "Trail opened.", Integrity, Success, false, "ISO A.8.15"),
        E(1001, "Trail-open-failed", "Failed to open trail.", Integrity, Failure, true, "SOC 2 CC7.2", "ISO A.8.15"),
        E(1002, "Trail-file-open-failed", "Failed to open trail file.", Integrity, Failure, true, "SOC 2 CC7.2", "ISO A.8.15"),
        E(1003, "Trail-file-read-failed", "Failed to read trail file.", Integrity, Failure, true, "SOC 2 CC7.2", "ISO A.8.15"),
        E(1004, "Trail-removed", "Trail removed.", Integrity, Success, true, "PCI 10.2.1.6", "SOC 2 CC7.2", "ISO A.8.15", "NIST AU-9"),
        E(1005, "Trail-remove-failed", "Failed to remove trail.", Integrity, Failure, true, "SOC 2 CC7.2", "ISO A.8.15"),
        E(1006, "Trail-file-integrity-failed", "Trail file integrity check failed.", Integrity, Alert, true, "SOC 2 CC7.2", "ISO A.8.15", "NIST AU-9"),
        E(1007, "Trail-file-downloaded", "Trail file downloaded.", Integrity, Success, false, "PCI 10.2.1.1", "PCI 10.2.1.3", "ISO A.8.15", "NIST AU-9"),
        E(1100, "Config-checksum-added", "A config file checksum was added.", Configuration, Success, false, "PCI 10.2.1.2", "PCI 11.5.2", "SOC 2 CC7.1", "SOC 2 CC8.1", "ISO A.8.16"),
        E(1101, "Config-checksum-changed", "A config file checksum has changed.", Configuration, Alert, true, "PCI 10.2.1.2", "PCI 11.5.2", "SOC 2 CC7.1", "SOC 2 CC8.1", "ISO A.8.16"), // changed: alert and finding, see README.md
        E(1201, "Transcript-status-scheduled", "Transcript status: scheduled.", Integrity, Success, false, "ISO A.8.15"),
        E(1202, "Transcript-status-indexing", "Transcript status: indexing.", Integrity, Success, false, "ISO A.8.15"),
        E(1203, "Transcript-status-indexed", "Transcript status: indexed.", Integrity, Success, false, "ISO A.8.15"),
        E(1204, "Transcript-status-error", "Transcript status: error.", Integrity, Failure, true, "SOC 2 CC7.2", "ISO A.8.15"),
        E(1205, "Transcript-status-not-indexed", "Transcript status: not indexed.", Integrity, Success, false, "ISO A.8.15"),
        E(1206, "Transcript-trail-removed", "Transcript trail removed.", Integrity, Success, true, "PCI 10.2.1.6", "SOC 2 CC7.2", "ISO A.8.15", "NIST AU-9"),
        E(1207, "Transcript-opened", "Transcript opened.", Integrity, Success, false, "PCI 10.2.1.1", "PCI 10.2.1.3", "ISO A.8.15"),
        E(1301, "Disk-full", "Disk Full.", System, Alert, true, "SOC 2 CC7.2"),
        E(1302, "Auditevent-removed", "Auditevent removed", Integrity, Alert, true, "PCI 10.2.1.6", "SOC 2 CC7.2", "ISO A.8.15", "NIST AU-9"),
        E(1303, "PrivX-restarted", "PrivX restarted", System, Success, true, "PCI 10.2.1.6"), // changed: finding, see README.md
        E(1400, "Secret-created", "Secret created.", Secrets, Success, false, "PCI 10.2.1.5", "PCI 10.2.1.7", "SOC 2 CC6.1"),
        E(1401, "Secret-removed", "Secret removed.", Secrets, Success, false, "PCI 10.2.1.5", "PCI 10.2.1.7", "SOC 2 CC6.1"),
        E(1402, "Secret-accessed", "Secret accessed.", Secrets, Success, false, "PCI 10.2.1.1", "SOC 2 CC6.1"),
        E(1403, "Secret-changed", "Secret changed.", Secrets, Success, false, "PCI 10.2.1.5", "SOC 2 CC6.1"),
        E(1404, "Secret-metadata-changed", "Secret's metadata changed.", Secrets, Success, false, "PCI 10.2.1.5", "SOC 2 CC6.1"),
        E(1501, "Settings-modified", "Settings modified.", Configuration, Success, false, "PCI 10.2.1.2", "SOC 2 CC7.1", "SOC 2 CC8.1", "ISO A.8.16"),
    ]);

    private static readonly FrozenDictionary<int, CatalogEntry> ByCode = Entries.ToFrozenDictionary(entry => entry.Code);

    /// <summary>The catalog's entry for this code, or null when the code is not in PrivX v24 (a later version's event).</summary>
    public static CatalogEntry? Find(int code) => ByCode.GetValueOrDefault(code);

    /// <summary>The code's category; <see cref="CatalogCategories.Uncategorized"/> for a code the catalog lacks.</summary>
    public static CatalogCategory CategoryOf(int code) => Find(code)?.Category ?? Uncategorized;

    /// <summary>
    /// The code's outcome, or null for a code the catalog lacks. An unknown code's outcome is unknown:
    /// calling it a success would count a later version's failed login or alert among successes, so
    /// the caller has to decide (a report shows such events apart, as uncategorized).
    /// </summary>
    public static EventOutcome? OutcomeOf(int code) => Find(code)?.Outcome;

    private static CatalogEntry E(
        int code, string name, string description, CatalogCategory category, EventOutcome outcome, bool finding, params string[] evidenceFor) =>
        new(code, name, description, category, outcome, finding, Array.AsReadOnly(evidenceFor));
}
