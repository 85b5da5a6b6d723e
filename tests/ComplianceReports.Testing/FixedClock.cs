namespace ComplianceReports.Testing;

/// <summary>A clock that reads the same instant until told otherwise, backwards included.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
