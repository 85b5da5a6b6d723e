namespace ComplianceReports.Storage.Events;

/// <summary>
/// "This UTC month may have changed." <paramref name="Sequence"/> grows by one on every touch and is
/// what scheduling compares: a touch that lands after a version read the markers always shows as a
/// higher sequence, whatever any clock says. <paramref name="LastTouchedAt"/> is for people.
/// </summary>
/// <param name="Sequence">1 after the first touch; never moves backwards.</param>
/// <param name="LastTouchedAt">The latest touch by the toucher's clock; never moves backwards either.</param>
public sealed record ChangeMarker(long Sequence, DateTimeOffset LastTouchedAt);
