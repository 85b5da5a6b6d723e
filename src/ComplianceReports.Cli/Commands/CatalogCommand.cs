using System.CommandLine;
using System.Globalization;
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
            if (parse.GetValue(json))
            {
                Console.Out.Write(FormatJson());
            }
            else
            {
                Console.WriteLine($"{PrivXCatalog.Version}: {PrivXCatalog.Entries.Count} events; any other code is '{CatalogCategories.Uncategorized.Id}', its outcome unknown");
                Table();
            }
            return 0;
        });
        return command;
    }

    private static string Outcome(EventOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static void Table() => Terminal.WriteTable(
        ["CODE", "NAME", "CATEGORY", "OUTCOME", "FINDING", "EVIDENCE FOR"],
        PrivXCatalog.Entries.Select(entry => new[]
        {
            entry.Code.ToString(CultureInfo.InvariantCulture), entry.Name, entry.Category.Id, Outcome(entry.Outcome), entry.Finding ? "yes" : "", string.Join(", ", entry.EvidenceFor),
        }),
        rightAligned: [0]);

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
