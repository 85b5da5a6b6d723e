using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceReports.Domain.Catalog;

namespace ComplianceReports.Cli.Commands;

public static class CatalogCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Stdout, not HTML: keep "Secret's metadata changed." readable instead of \u0027.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print the catalog as JSON, with categories and event descriptions",
        };
        var command = new Command("catalog", $"Show the {PrivXCatalog.Version} event catalog: each code's category, outcome, finding and the controls it is evidence for") { json };
        command.SetAction(parse =>
        {
            Console.Out.Write(parse.GetValue(json) ? FormatJson() : FormatTable());
            return 0;
        });
        return command;
    }

    private static string Outcome(EventOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string FormatTable()
    {
        string[] header = ["CODE", "NAME", "CATEGORY", "OUTCOME", "FINDING", "EVIDENCE FOR"];
        var rows = PrivXCatalog.Entries.Select(entry => new[]
        {
            entry.Code.ToString(), entry.Name, entry.Category.Id, Outcome(entry.Outcome), entry.Finding ? "yes" : "", string.Join(", ", entry.EvidenceFor),
        }).ToList();
        // The last column is not padded, so a narrow terminal wraps only the evidence list.
        var widths = header[..^1].Select((title, column) => Math.Max(title.Length, rows.Max(row => row[column].Length))).ToArray();

        var text = new StringBuilder();
        text.AppendLine($"{PrivXCatalog.Version}: {rows.Count} events; any other code is '{CatalogCategories.Uncategorized.Id}', its outcome unknown");
        foreach (var row in rows.Prepend(header))
        {
            var cells = row[..^1].Select((cell, column) => column == 0 ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column])).Append(row[^1]);
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }
        return text.ToString();
    }

    private static string FormatJson()
    {
        var document = new CatalogDocument(
            PrivXCatalog.Version,
            CatalogCategories.All.Select(category => new CategoryDocument(category.Id, category.Name, category.Description)).ToList(),
            PrivXCatalog.Entries.Select(entry => new EventDocument(
                entry.Code, entry.Name, entry.Description, entry.Category.Id, Outcome(entry.Outcome), entry.Finding, entry.EvidenceFor)).ToList());
        return JsonSerializer.Serialize(document, Json) + Environment.NewLine;
    }

    private sealed record CatalogDocument(string Catalog, IReadOnlyList<CategoryDocument> Categories, IReadOnlyList<EventDocument> Events);

    private sealed record CategoryDocument(string Id, string Name, string Description);

    private sealed record EventDocument(int Code, string Name, string Description, string Category, string Outcome, bool Finding, IReadOnlyList<string> EvidenceFor);
}
