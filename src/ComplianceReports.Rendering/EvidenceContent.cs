using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Reporting;
using static ComplianceReports.Rendering.ReportText;

namespace ComplianceReports.Rendering;

internal sealed record ControlsContent(string Title, string Intro, TableContent Controls)
{
    public static ControlsContent From(MonthlyReport report)
    {
        var rows = new List<TableRow>();
        foreach (var control in report.Aggregate.Controls)
        {
            var supportedOnly = control.Events.Count == 0 && control.SupportedBy is not null;
            rows.Add(new TableRow([$"{control.Framework} {control.Control}", control.Asks, supportedOnly ? Missing : Count(control.Total)], RowStyle.Group));
            rows.AddRange(control.Events.Select(evidence => new TableRow([string.Empty, $"{evidence.Name} ({evidence.Code.ToString(Invariant)})", Count(evidence.Count)])));
            if (control.SupportedBy is { } supportedBy)
            {
                rows.Add(new TableRow([string.Empty, supportedBy, string.Empty], RowStyle.Note));
            }
            else if (control.Events.Count == 0)
            {
                rows.Add(new TableRow([string.Empty, "No event of this kind this month.", string.Empty], RowStyle.Note));
            }
        }
        return new ControlsContent(
            "8 Control mapping",
            "Each control the report serves, what it asks, and this month's events that are its evidence; where events alone are no evidence, how the report supports the control. A monthly report supports daily review (PCI DSS 10.4.1); it does not replace it.",
            new TableContent("Controls and their evidence", ["Control", "What it asks; evidence this month", "Events"], rows, "No controls."));
    }
}

internal sealed record AppendixContent(
    string KeyEventsTitle,
    string KeyEventsIntro,
    TableContent KeyEvents,
    string? KeyEventsNotListed,
    string EventsByCodeTitle,
    TableContent EventsByCode,
    VerificationContent Verification)
{
    public static AppendixContent From(MonthlyReport report)
    {
        var aggregate = report.Aggregate;
        var codes = aggregate.CountsByCode
            // The same rows as summary.json: codes without events are left out.
            .Where(pair => pair.Value > 0)
            .OrderBy(pair => pair.Key)
            .Select(pair => new TableRow([pair.Key.ToString(Invariant), PrivXCatalog.Find(pair.Key)?.Name ?? "not in the catalog", Count(pair.Value)]))
            .ToList();
        if (codes.Count > 0)
        {
            codes.Add(new TableRow(["Total", string.Empty, Count(aggregate.EventCount)], RowStyle.Total));
        }
        return new AppendixContent(
            "Appendix A Key events",
            "Findings, secret and credential events and configuration changes, in time order; logins are summarised in section 3.",
            new TableContent(
                "Key events in time order",
                ["Time", "Event", "Category", "User", "Object"],
                aggregate.KeyEvents.Events.Select(listed => new TableRow(
                    [
                        LocalStacked(report.Period, listed.OccurredAt),
                        SecretsContent.EventName(listed),
                        CatalogCategories.Find(listed.Category)?.Name ?? listed.Category,
                        listed.User ?? Missing,
                        listed.Object ?? Missing,
                    ],
                    PrivXCatalog.Find(listed.Code)?.Finding == true ? RowStyle.Finding : RowStyle.Plain))
                    .ToList(),
                "No key events this month."),
            SecretsContent.NotListedNote(aggregate.KeyEvents, "key events"),
            "Appendix B Events by code",
            new TableContent("Every code with events, as summary.json counts them", ["Code", "Event", "Events"], codes, $"No audit events were recorded in {MonthName(report.Month)}."),
            VerificationContent.From(report));
    }
}

internal sealed record VerificationContent(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<Fact> Facts)
{
    public static VerificationContent From(MonthlyReport report)
    {
        var aggregate = report.Aggregate;
        return new VerificationContent(
            "Appendix C How to verify this report",
            [
                $"The event set of this report is every event that occurred in the period, from {Iso(report.Period.StartUtc)} up to but not including {Iso(report.Period.EndUtc)}, and was stored up to the cutoff, {Iso(aggregate.Cutoff)}. Events stored later belong to a later version.",
                "The evidence digest is the SHA-256, in lower-case hex, of one row per event of the set: its UTC time, a TAB, its identity (the SHA-256 of the event's canonical JSON, RFC 8785) and a LF, as the row format below shows; the rows sorted by UTC time, then by identity.",
                "evidence.csv.gz, delivered with this report, holds every event of the set; recomputing the digest from it must give the value below.",
                "compliance verify <dir or pdf> checks the PDF's signature and recomputes the digest from the event store; a mismatch means the report or the store no longer match.",
                "This PDF is digitally signed when it is stored: a PDF reader that validates signatures shows whether the file was changed after signing. A report whose signature does not verify must not be relied on.",
            ],
            [
                new("Row format", "yyyy-MM-ddTHH:mm:ss.fffffffZ<TAB>identity<LF>", FactStyle.Unbroken),
                new("Evidence digest (SHA-256)", aggregate.EventDigest, FactStyle.Unbroken),
                new("Events in the set", Count(aggregate.EventCount)),
                new("Period (UTC)", $"{Iso(report.Period.StartUtc)} – {Iso(report.Period.EndUtc)}"),
                new("Cutoff (UTC)", Iso(aggregate.Cutoff)),
            ]);
    }
}
