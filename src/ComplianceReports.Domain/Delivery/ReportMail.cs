using System.Globalization;
using System.Text;
using ComplianceReports.Domain.Contracts;

namespace ComplianceReports.Domain.Delivery;

/// <summary>The report mail's words, from the version's <c>summary.json</c>: the executive summary's figures as text.</summary>
public static class ReportMail
{
    /// <summary>Like <c>PrivX compliance report 2026-10 (version 1): 14 findings</c>.</summary>
    public static string Subject(ReportSummary summary)
    {
        var findings = FindingEvents(summary);
        return string.Create(CultureInfo.InvariantCulture, $"PrivX compliance report {summary.Month} (version {summary.Version}): {findings} {(findings == 1 ? "finding" : "findings")}");
    }

    /// <summary>Events stored as findings: the summary's per-code findings, not the derived figures listed after them.</summary>
    public static long FindingEvents(ReportSummary summary) =>
        summary.Findings
            .Where(finding => finding.Codes is [var code] && finding.Title.EndsWith($"({code.ToString(CultureInfo.InvariantCulture)})", StringComparison.Ordinal))
            .Sum(finding => finding.Count);

    /// <param name="link">The version's address when HTTP delivery is configured.</param>
    /// <param name="attached">Whether the PDF is attached; when it is too big, only the link is sent.</param>
    public static string Body(ReportSummary summary, string? link, bool attached, double attachmentLimitMegabytes)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"{summary.Organisation}: PrivX compliance report for {summary.Month} ({summary.TimeZone}), version {summary.Version}, generated {summary.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.\n\n");
        text.Append(invariant, $"Executive summary\n{summary.EventCount:N0} audit events.\n\nEvents by category:\n");
        foreach (var category in summary.Categories)
        {
            text.Append(invariant, $"- {category.Name}: {category.Count:N0} (previous month {category.PreviousMonth:N0})\n");
        }
        text.Append("\nFindings:\n");
        foreach (var finding in summary.Findings)
        {
            text.Append(invariant, $"- {finding.Title}: {finding.Figure}\n");
        }
        text.Append(invariant, $"\nEvidence digest: {summary.EventDigest}\n");
        if (attached)
        {
            text.Append("\nThe signed report is attached (report.pdf). Check it with: compliance verify --offline report.pdf --trust CERT, with summary.json and evidence.csv.gz beside it.\n");
        }
        else
        {
            text.Append(invariant, $"\nThe signed report is over {attachmentLimitMegabytes:0.##} MB, so it is not attached: ");
            text.Append(link is null
                ? string.Create(invariant, $"download it with compliance report download --month {summary.Month} --version {summary.Version} --out DIR.\n")
                : "download it from the link below.\n");
        }
        if (link is not null)
        {
            text.Append(invariant, $"\nThis version: {link}\n");
        }
        return text.ToString();
    }
}
