using Azure.Data.Tables;

namespace ComplianceReports.Storage;

/// <summary>Filters that pick several keys of one partition in one query, within what Azure takes of a filter.</summary>
internal static class TableFilters
{
    /// <summary>Azure refuses a filter of more than 15 comparisons; Azurite does not, so the bound is kept here.</summary>
    public const int MaxComparisons = 15;

    /// <summary>Rows of <paramref name="partition"/> that match any of <paramref name="alternatives"/>, each a filter of its own.</summary>
    public static string AnyInPartition(string partition, IEnumerable<string> alternatives) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and (" + string.Join(" or ", alternatives.Select(alternative => "(" + alternative + ")")) + ")";
}
