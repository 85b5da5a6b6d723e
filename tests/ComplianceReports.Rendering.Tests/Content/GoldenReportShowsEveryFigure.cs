using System.Globalization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Rendering.Tests;

/// <summary>
/// Walks the golden model and looks for each of its figures in the PDF, on a line with what the figure
/// counts: a figure left out, or printed beside the wrong label, fails here.
/// </summary>
public sealed class GoldenReportShowsEveryFigure
{
    private static readonly MonthlyReport Report = SampleReports.Golden();
    private static readonly MonthlyAggregate Model = Report.Aggregate;
    private readonly RenderedPdf pdf = Rendered.Golden;

    [Fact]
    public void Every_category_shows_this_month_and_the_previous_month()
    {
        Assert.All(Model.Categories, category => pdf.LineWith($"{category.Name} {N(category.Count)} {N(category.PreviousMonth)}"));
    }

    [Fact]
    public void Every_finding_shows_its_figure()
    {
        Assert.All(Model.Findings, finding => pdf.LineWith($"{finding.Title} {finding.Figure}"));
    }

    [Fact]
    public void The_cover_shows_version_event_count_event_set_and_digest()
    {
        Assert.Contains("Report version 3", pdf.Pages[0].Lines);
        Assert.Contains("Events 82,430", pdf.Pages[0].Lines);
        pdf.LineWith("Event set the 82,430 events stored when generation read the store");
        Assert.DoesNotContain(pdf.Lines, line => line.StartsWith("Cutoff", StringComparison.Ordinal));
        Assert.Contains($"Evidence digest (SHA-256) {SampleReports.Digest}", pdf.Pages[0].Lines);
    }

    [Fact]
    public void The_coverage_figures_are_shown()
    {
        Assert.Contains("First event 2026-10-01 00:00:07 UTC", pdf.Lines);
        Assert.Contains("Last event 2026-10-31 21:59:58 UTC", pdf.Lines);
        Assert.Contains("Days without events 10–12 and 25 October 2026", pdf.Lines);
        Assert.All(Model.Coverage.ServicesSeen, service => pdf.LineWith(service));
        pdf.LineWith("Silent services network-access-manager: sent events in September 2026, none this month");
        pdf.LineWith("(possible gap in forwarding)");
        Assert.Contains("Quarantined items 23 items refused at ingestion this period (table Quarantine)", pdf.Lines);
    }

    [Fact]
    public void Every_login_figure_is_shown_with_its_label()
    {
        var lines = pdf.BodyLines;

        Assert.Contains("Successful logins 40,112", lines);
        Assert.Contains("Failed logins 3,571", lines);
        Assert.Contains("Failure rate 8.2 % of login attempts failed", lines);
        Assert.Contains("MFA challenges 2,204 sent, 2,198 accepted", lines);
        Assert.Contains("Rate-limited attempts 64", lines);
        Assert.Contains("Token refresh failures 37", lines);
        Assert.Contains("OAuth client failures 15", lines);
        Assert.Contains("Directory failures 12", lines);
        Assert.Contains(lines, line => line.StartsWith("Off-hours logins 2,345 successful logins outside working hours (Monday–Friday 07:30–17:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_top_n_row_of_the_login_section_is_shown()
    {
        var logins = Model.Logins;

        Assert.All(logins.FailuresByUser.Concat(logins.FailuresBySourceAddress).Concat(logins.OffHoursByUser), row => pdf.LineWith($"{row.Name} {N(row.Count)}"));
    }

    [Fact]
    public void Every_secret_figure_and_listed_event_is_shown()
    {
        var secrets = Model.Secrets;

        pdf.LineWith("Events 1,362");
        Assert.All(secrets.ByEvent, row => pdf.LineWith($"{row.Name} {row.Code} {N(row.Count)}"));
        Assert.All(secrets.ByUser.Concat(secrets.BySecret), row => pdf.LineWith($"{row.Name} {N(row.Count)}"));
        Assert.All(secrets.Events.Events, listed => pdf.LineWith($"{Day(listed)} {listed.User} {listed.Name}"));
        pdf.LineWith("1,358 more secret and credential events are not listed here: evidence.csv.gz holds every event.");
    }

    [Fact]
    public void Every_configuration_figure_and_change_is_shown()
    {
        var configuration = Model.Configuration;

        pdf.LineWith("Changes 287");
        Assert.All(configuration.ByEvent, row => pdf.LineWith($"{row.Name} {row.Code} {N(row.Count)}"));
        Assert.All(configuration.ByUser, row => pdf.LineWith($"{row.Name} {N(row.Count)}"));
        Assert.All(configuration.ChangeLog.Events, listed => pdf.LineWith($"{Day(listed)} {listed.User} {listed.Name}"));
        pdf.LineWith("level changed from INFO to DEBUG");
        pdf.LineWith("284 more configuration changes are not listed here");
    }

    [Fact]
    public void Every_other_category_shows_its_total_its_events_and_its_users()
    {
        Assert.All(Model.OtherCategories, category =>
        {
            pdf.LineWith($"{category.Name} {N(category.Total)} events");
            Assert.All(category.ByEvent, row => pdf.LineWith($"{row.Name} {row.Code} {N(row.Count)}"));
            Assert.All(category.TopUsers, row => pdf.LineWith($"{row.Name} {N(row.Count)}"));
        });
    }

    [Fact]
    public void Every_unknown_code_is_shown_and_flagged_for_review()
    {
        Assert.All(Model.UnknownEvents, code => Assert.Contains($"{code.Code} {N(code.Count)} needs review", pdf.Lines));
    }

    [Fact]
    public void Every_control_shows_its_total_and_each_event_that_is_its_evidence()
    {
        var section = pdf.LinesAfter("Controls and their evidence", line => line == "Appendix A Key events");

        Assert.All(Model.Controls, control =>
        {
            var firstWords = string.Join(' ', control.Asks.Split(' ').Take(3));
            var total = control.Events.Count == 0 && control.SupportedBy is not null ? "—" : N(control.Total);
            Assert.Contains(section, line => line.Contains(firstWords, StringComparison.Ordinal) && line.EndsWith(" " + total, StringComparison.Ordinal));
            Assert.All(control.Events, evidence => Assert.Contains($"{evidence.Name} ({evidence.Code}) {N(evidence.Count)}", section));
        });
    }

    [Fact]
    public void Every_code_with_events_is_counted_in_the_appendix_and_the_total_is_the_event_count()
    {
        var table = pdf.LinesAfter("Every code with events, as summary.json counts them", line => line == "Appendix C How to verify this report");

        Assert.All(Model.CountsByCode, pair => Assert.Contains(table, line => line.StartsWith($"{pair.Key} ", StringComparison.Ordinal) && line.EndsWith($" {N(pair.Value)}", StringComparison.Ordinal)));
        Assert.Equal("Total 82,430", table[^1]);
    }

    [Fact]
    public void The_verification_appendix_lists_every_day_with_its_count_and_digest()
    {
        var table = pdf.LinesAfter("Day digests", _ => false);

        Assert.Equal(31, Model.Days.Count);
        Assert.All(Model.Days, day => Assert.Contains($"{day.Date:yyyy-MM-dd} {N(day.Count)} {day.Digest}", table));
    }

    [Fact]
    public void The_verification_appendix_states_the_digest_scheme()
    {
        Assert.Contains("Digest line occurredAtUtc<TAB>identity<TAB>factsSha256<LF>", pdf.Lines);
        Assert.Contains("Day line yyyy-MM-dd<TAB>count<TAB>day digest<LF>", pdf.Lines);
    }

    [Fact]
    public void Every_key_event_is_listed_in_the_appendix()
    {
        var appendix = pdf.LinesAfter("Key events in time order", line => line.StartsWith("1,659 more key events", StringComparison.Ordinal));

        Assert.All(Model.KeyEvents.Events, listed => Assert.Contains(appendix, line => line.StartsWith($"{Day(listed)} {listed.Name}", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_version_change_is_shown_with_the_events_added_per_category()
    {
        var cover = pdf.Pages[0].Lines;

        Assert.Contains(cover, line => line.StartsWith("Version 3 adds 430 events to version 2, which covered 82,000 events.", StringComparison.Ordinal));
        Assert.Contains("Logins and authentication 402", cover);
        Assert.Contains("Secrets and credentials 28", cover);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(ListedEvent listed) => listed.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
