using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Reviews;

namespace ComplianceReports.Domain.Tests.Reviews;

public class OwingAReview
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = ReviewDue.DefaultDueAfter;

    [Fact]
    public void The_latest_version_nobody_reviewed_is_overdue_once_the_due_time_has_passed_since_it_was_generated()
    {
        var manifests = new[] { Manifest("2026-10", 1, Generated) };

        Assert.Empty(ReviewDue.Overdue(manifests, [], Generated + Week - TimeSpan.FromSeconds(1), Week));
        Assert.Equal(("2026-10", 1), Single(ReviewDue.Overdue(manifests, [], Generated + Week, Week)));
    }

    [Fact]
    public void A_reviewed_latest_version_is_not_overdue()
    {
        var manifests = new[] { Manifest("2026-10", 1, Generated) };

        Assert.Empty(ReviewDue.Overdue(manifests, [Review("2026-10", 1)], Generated + 2 * Week, Week));
    }

    [Fact]
    public void A_new_version_owes_its_own_review_from_its_own_generation_and_the_superseded_one_owes_none()
    {
        var manifests = new[] { Manifest("2026-10", 1, Generated), Manifest("2026-10", 2, Generated + Week) };
        var reviewedFirst = new[] { Review("2026-10", 1) };

        Assert.Empty(ReviewDue.Overdue(manifests, reviewedFirst, Generated + Week + TimeSpan.FromDays(1), Week));
        Assert.Equal(("2026-10", 2), Single(ReviewDue.Overdue(manifests, reviewedFirst, Generated + 2 * Week, Week)));
        Assert.Equal(("2026-10", 2), Single(ReviewDue.Overdue(manifests, [], Generated + 2 * Week, Week)));
    }

    [Fact]
    public void Each_month_is_judged_on_its_own_and_a_review_of_another_month_counts_for_nothing()
    {
        var manifests = new[] { Manifest("2026-10", 1, Generated), Manifest("2026-09", 3, Generated) };

        var overdue = ReviewDue.Overdue(manifests, [Review("2026-09", 1), Review("2026-11", 1)], Generated + Week, Week);

        Assert.Equal([("2026-09", 3), ("2026-10", 1)], overdue.Select(manifest => (manifest.Month, manifest.Version)));
    }

    private static (string, int) Single(IReadOnlyList<ReportManifest> overdue) => Assert.Single(overdue) is var manifest ? (manifest.Month, manifest.Version) : default;

    private static ReportManifest Manifest(string month, int version, DateTimeOffset generatedAt) => new(
        ReportManifest.CurrentSchemaVersion, month, version, 1, new string('a', 64), generatedAt, new Dictionary<string, string>(), "UTC", generatedAt,
        new Dictionary<string, long>(), new Dictionary<string, long>(), []);

    private static ReportReview Review(string month, int version) => new(
        ReportReview.CurrentSchemaVersion, "r-" + month, month, version, new string('a', 64), "Alice", Generated, null, [], ReviewRequest.ViaCli);
}
