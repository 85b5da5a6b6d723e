namespace ComplianceReports.Domain.Catalog;

/// <summary>A category of the catalog. Ids are stable: they key <c>countsByCategory</c>; names are for people.</summary>
public sealed record CatalogCategory(string Id, string Name, string Description);
