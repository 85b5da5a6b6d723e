using ComplianceReports.Domain.Contracts;

namespace ComplianceReports.Domain.Reviews;

/// <summary>
/// Which versions wait too long for a reviewer (PCI DSS 10.4.1 wants logs reviewed, not just kept):
/// each month's latest version that nobody has reviewed, once <c>ReviewDueAfter</c> has passed since it
/// was generated. A superseded version is not owed a review; its successor is, from its own generation.
/// </summary>
public static class ReviewDue
{
    public static readonly TimeSpan DefaultDueAfter = TimeSpan.FromDays(7);

    public static IReadOnlyList<ReportManifest> Overdue(
        IEnumerable<ReportManifest> manifests, IEnumerable<ReportReview> reviews, DateTimeOffset now, TimeSpan dueAfter)
    {
        var reviewed = reviews.Select(review => (review.Month, review.Version)).ToHashSet();
        return manifests
            .GroupBy(manifest => manifest.Month, StringComparer.Ordinal)
            .Select(month => month.MaxBy(manifest => manifest.Version)!)
            .Where(latest => !reviewed.Contains((latest.Month, latest.Version)) && latest.GeneratedAt + dueAfter <= now)
            .OrderBy(latest => latest.Month, StringComparer.Ordinal)
            .ToList();
    }
}
