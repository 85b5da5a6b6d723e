using System.Text;
using System.Text.Json;
using ComplianceReports.Cli.Simulation;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Benchmarks;

/// <summary>
/// The events the scenarios work on: plausible PrivX traffic from the CLI's simulator, in months long
/// past so that every day is sealable. The same month, count and seed give the same events.
/// </summary>
public static class Workload
{
    /// <summary>The share of items sent twice in the redelivery scenario, as an overlapping collector makes them.</summary>
    public const double RedeliveredShare = 0.03;

    public static IEnumerable<string> Items(Month month, int count, int seed = 1) => PrivXTrafficSimulator.Generate(month, count, seed);

    public static AuditEvent Parse(string item)
    {
        using var document = JsonDocument.Parse(item);
        return PrivXEventParser.ParseItem(document.RootElement);
    }

    /// <summary>Writes the items as NDJSON, as `compliance simulate --out` does; returns how many lines it wrote.</summary>
    public static async Task<int> WriteNdjsonAsync(string path, IEnumerable<string> items, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        var lines = 0;
        foreach (var item in items)
        {
            await file.WriteAsync(item.AsMemory(), cancellationToken);
            await file.WriteAsync('\n');
            lines++;
        }
        return lines;
    }

    /// <summary>
    /// The items with <see cref="RedeliveredShare"/> of them sent a second time, each copy at a random
    /// later position: scattered, so that many transactions meet one or two stored events.
    /// </summary>
    public static IEnumerable<string> WithRedeliveries(IReadOnlyList<string> items, int seed = 7)
    {
        var random = new Random(seed);
        var copies = (int)Math.Round(items.Count * RedeliveredShare);
        var insertAt = new SortedDictionary<int, List<string>>();
        for (var i = 0; i < copies; i++)
        {
            var original = random.Next(items.Count);
            var position = random.Next(original, items.Count);
            if (!insertAt.TryGetValue(position, out var list))
            {
                insertAt[position] = list = [];
            }
            list.Add(items[original]);
        }
        for (var index = 0; index < items.Count; index++)
        {
            yield return items[index];
            if (insertAt.TryGetValue(index, out var repeated))
            {
                foreach (var copy in repeated)
                {
                    yield return copy;
                }
            }
        }
    }
}
