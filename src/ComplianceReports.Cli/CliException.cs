namespace ComplianceReports.Cli;

/// <summary>A failure the user can act on, shown as one line without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
