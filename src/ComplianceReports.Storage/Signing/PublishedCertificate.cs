using System.Security.Cryptography.X509Certificates;

namespace ComplianceReports.Storage.Signing;

/// <summary>A signing certificate the pipeline published: its public part only.</summary>
/// <param name="Thumbprint">SHA-256 of its DER encoding, 64 lower-case hex digits.</param>
/// <param name="PublishedAt">When it was first published.</param>
/// <param name="CurrentSince">When it became the current one; <c>null</c> for a past certificate.</param>
public sealed record PublishedCertificate(string Thumbprint, X509Certificate2 Certificate, DateTimeOffset PublishedAt, DateTimeOffset? CurrentSince)
{
    public bool IsCurrent => CurrentSince is not null;
}
