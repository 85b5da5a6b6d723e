namespace ComplianceReports.Pipeline.Delivery;

/// <summary>Who an HTTP review is by: each host says which it can vouch for.</summary>
public enum ReviewerSource
{
    /// <summary>In Azure: the signed-in identity (<see cref="ClientPrincipal"/>); a request without one is refused.</summary>
    SignedInIdentity,

    /// <summary>Locally, with no sign-in: the request body's <c>reviewer</c>, unless a principal header names one.</summary>
    RequestBody,
}
