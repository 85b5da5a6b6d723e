namespace ComplianceReports.Domain.Catalog;

/// <summary>
/// The categories of the catalog, word for word from <c>shared/reference/catalog-categories.md</c>.
/// Every catalog code is in exactly one of them; a code the catalog lacks is <see cref="Uncategorized"/>.
/// </summary>
public static class CatalogCategories
{
    public static readonly CatalogCategory Logins = new(
        "logins", "Logins and authentication",
        "a person or client proving who it is to PrivX: logins, MFA, tokens at login, OAuth clients, directory binds");

    public static readonly CatalogCategory Secrets = new(
        "secrets", "Secrets and credentials",
        "secrets in the vault, and credentials PrivX hands out or changes: passphrases, AWS tokens, authorized keys, passwords");

    public static readonly CatalogCategory Configuration = new(
        "configuration", "Configuration changes",
        "administrative changes to how PrivX behaves: settings, config checksums, roles, directories, hosts, workflows, clients, access groups, certificates and CAs, licence, log level, email configuration");

    public static readonly CatalogCategory Access = new(
        "access", "Access and authorization",
        "granting and using privileges: role membership, role grants and revocations, authorization requests and certificates, role-context violations");

    public static readonly CatalogCategory Sessions = new(
        "sessions", "Connections and sessions",
        "connections to target hosts through PrivX and what happens in them: files, host keys and certificates, terminations");

    public static readonly CatalogCategory Users = new(
        "users", "Users",
        "local user accounts added, changed, removed");

    public static readonly CatalogCategory Workflow = new(
        "workflow", "Requests and approvals",
        "access requests, decisions, their notifications");

    public static readonly CatalogCategory Integrity = new(
        "integrity", "Audit trail and integrity",
        "the audit record itself: trails, transcripts, session auditing, log downloads, removals of audit data");

    public static readonly CatalogCategory System = new(
        "system", "Service and system",
        "the platform's health: services starting and stopping, licence errors, disk, extenders, host service links");

    public static readonly CatalogCategory Uncategorized = new(
        "uncategorized", "Uncategorized",
        "any code not in the catalog (later PrivX versions): stored, counted by code, flagged");

    /// <summary>All categories, in the order of the categories document (reports list them in this order).</summary>
    public static IReadOnlyList<CatalogCategory> All { get; } = Array.AsReadOnly<CatalogCategory>(
        [Logins, Secrets, Configuration, Access, Sessions, Users, Workflow, Integrity, System, Uncategorized]);

    /// <summary>The category with this id (ids are lower case and matched exactly), or null.</summary>
    public static CatalogCategory? Find(string id) => All.FirstOrDefault(category => category.Id == id);
}
