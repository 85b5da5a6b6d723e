namespace ComplianceReports.Domain.Catalog;

/// <summary>One event of the PrivX audit events reference, with how the reports treat it.</summary>
/// <param name="Finding">Listed as a finding in the report even at a count of one.</param>
/// <param name="EvidenceFor">The compliance controls this event is evidence for, e.g. "PCI 10.2.1.4", "SOC 2 CC6.1".</param>
public sealed record CatalogEntry(
    int Code,
    string Name,
    string Description,
    CatalogCategory Category,
    EventOutcome Outcome,
    bool Finding,
    IReadOnlyList<string> EvidenceFor);
