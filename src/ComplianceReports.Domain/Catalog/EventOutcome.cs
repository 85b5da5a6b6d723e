namespace ComplianceReports.Domain.Catalog;

/// <summary>What an event says happened: refused or failed attempts, conditions that need a person, or neither.</summary>
public enum EventOutcome
{
    Success,
    Failure,
    Alert,
}
