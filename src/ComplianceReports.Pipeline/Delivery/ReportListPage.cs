using System.Globalization;
using System.Text;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Storage.Reports;
using static System.Net.WebUtility;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// The plain HTML page a browser gets for <c>GET /api/reports</c>: months, their versions, download links,
/// and who reviewed each version when.
/// Every text is HTML-encoded; links are relative to the page and carry no key.
/// </summary>
public static class ReportListPage
{
    public static string Render(string organisation, IReadOnlyList<ReportManifest> manifests, ILookup<(string Month, int Version), ReportReview> reviews)
    {
        var title = $"Compliance reports: {organisation}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
            .Append(HtmlEncode(title)).Append("</title>\n</head>\n<body>\n<h1>").Append(HtmlEncode(title)).Append("</h1>\n");
        if (manifests.Count == 0)
        {
            html.Append("<p>No reports yet.</p>\n");
        }
        foreach (var month in manifests.GroupBy(m => m.Month, StringComparer.Ordinal).OrderByDescending(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<h2>").Append(HtmlEncode(month.Key)).Append("</h2>\n<ul>\n");
            foreach (var manifest in month.OrderByDescending(m => m.Version))
            {
                var parsed = Domain.Reporting.Month.Parse(manifest.Month);
                html.Append("<li><a href=\"").Append(Link(ReportLinks.Version(parsed, manifest.Version))).Append("\">")
                    .Append(HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{manifest.Month} version {manifest.Version} (PDF)"))).Append("</a>")
                    .Append(HtmlEncode(string.Create(CultureInfo.InvariantCulture,
                        $": {manifest.EventCount} events, generated {manifest.GeneratedAt:yyyy-MM-dd HH:mm} UTC, digest {manifest.EventDigest}; ")))
                    .Append("<a href=\"").Append(Link(ReportLinks.Summary(parsed, manifest.Version))).Append("\">summary.json</a>, ")
                    .Append("<a href=\"").Append(Link(ReportLinks.Evidence(parsed, manifest.Version))).Append("\">evidence.csv.gz</a>; ")
                    .Append(HtmlEncode(Reviewed(reviews[(manifest.Month, manifest.Version)]))).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Reviewed(IEnumerable<ReportReview> reviews)
    {
        var lines = reviews.Select(review => string.Create(CultureInfo.InvariantCulture,
            $"{review.Reviewer} on {review.ReviewedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(review.Exceptions.Count switch { 0 => "", 1 => " (1 exception)", var count => $" ({count} exceptions)" })}")).ToList();
        return lines.Count == 0 ? "not reviewed yet" : $"reviewed by {string.Join(", ", lines)}";
    }

    private static string Link(string link) => HtmlEncode(ReportLinks.RelativeToListing(link));
}
