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
        var codes = aggregate.Codes
            // The same rows as summary.json: codes without events are left out.
            .Select(code => new TableRow([code.Code.ToString(Invariant), code.Name, Count(code.Count)]))
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
                    listed.Finding ? RowStyle.Finding : RowStyle.Plain))
                    .ToList(),
                "No key events this month."),
            SecretsContent.NotListedNote(aggregate.KeyEvents, "key events"),
            "Appendix B Events by code",
            new TableContent("Every code with events, as summary.json counts them", ["Code", "Event", "Events"], codes, $"No audit events were recorded in {MonthName(report.Month)}."),
            VerificationContent.From(report));
    }
}

internal sealed record VerificationContent(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<Fact> Facts, TableContent Days)
{
    public static VerificationContent From(MonthlyReport report)
    {
        var aggregate = report.Aggregate;
        return new VerificationContent(
            "Appendix C How to verify this report",
            [
                $"The event set of this version is exactly the events listed in evidence.csv.gz: those of the period, from {Iso(report.Period.StartUtc)} up to but not including {Iso(report.Period.EndUtc)}, that the event store held when generation read it ({Iso(report.ReadAt)}). Events that arrive later belong to a later version.",
                "Each evidence row carries the event's identity, re-derived from its raw item (SHA-256 of its canonical JSON, RFC 8785), and factsSha256: the SHA-256 of the columns code to catalogVersion, in file order, each with backslash, TAB, LF and CR escaped as \\\\, \\t, \\n, \\r, joined by TAB.",
                "A day's digest is the SHA-256 of its rows' lines, in file order: occurredAtUtc, TAB, identity, TAB, factsSha256, LF. The evidence digest is the SHA-256 of one line per day of the period in the report's time zone, in order: the date, TAB, the day's event count, TAB, the day's digest, LF; a day without events has the digest of no bytes.",
                "This PDF is digitally signed, and it carries claim.json, an embedded file inside the signed part: month, zone, version, generation time, event count, the digests below and the SHA-256 of summary.json and evidence.csv.gz. compliance verify --offline <dir> --trust <certificate> checks the signature, the signer and the evidence file against that claim with no other access; compliance verify <dir> also checks every listed event against the event store.",
                "A report whose signature does not verify, or whose signer is not the deployment's published certificate (compliance signing-certificate), must not be relied on.",
            ],
            [
                new("Digest line", "occurredAtUtc<TAB>identity<TAB>factsSha256<LF>", FactStyle.Unbroken),
                new("Day line", "yyyy-MM-dd<TAB>count<TAB>day digest<LF>", FactStyle.Unbroken),
                new("Evidence digest (SHA-256)", aggregate.EventDigest, FactStyle.Unbroken),
                new("Events in the set", Count(aggregate.EventCount)),
                new("Period (UTC)", $"{Iso(report.Period.StartUtc)} – {Iso(report.Period.EndUtc)}"),
                new("Read at (UTC)", Iso(report.ReadAt)),
            ],
            new TableContent(
                "Day digests",
                ["Day", "Events", "Day digest (SHA-256)"],
                aggregate.Days.Select(day => new TableRow([day.Date.ToString("yyyy-MM-dd", Invariant), Count(day.Count), day.Digest])).ToList(),
                "No days."));
    }
}
