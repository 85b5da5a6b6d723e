using ComplianceReports.Storage.Connection;
using Microsoft.Extensions.Configuration;

namespace ComplianceReports.LocalHost;

/// <summary>
/// Reads host.json and local.settings.json as the Functions host does, which a plain WebJobs host would
/// not: local.settings.json's <c>Values</c> are app settings that the environment may override, and
/// host.json sits under <c>AzureFunctionsJobHost</c>, so <c>AzureFunctionsJobHost__extensions__queues__…</c>
/// overrides it exactly as an app setting does in Azure.
/// </summary>
public static class LocalHostSettings
{
    public const string HostJsonSection = "AzureFunctionsJobHost";

    public static void AddFunctionsSettings(this IConfigurationBuilder configuration, string hostJsonPath, string? localSettingsPath)
    {
        configuration.AddInMemoryCollection(ReadHostJson(hostJsonPath));
        if (localSettingsPath is not null)
        {
            configuration.AddInMemoryCollection(ReadLocalSettings(localSettingsPath));
        }
        configuration.AddEnvironmentVariables();
    }

    private static IEnumerable<KeyValuePair<string, string?>> ReadHostJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"host.json not found at {path}.", path);
        }
        var hostJson = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false).Build();
        return hostJson.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => KeyValuePair.Create($"{HostJsonSection}:{pair.Key}", pair.Value));
    }

    private static IEnumerable<KeyValuePair<string, string?>> ReadLocalSettings(string path) =>
        File.Exists(path)
            ? LocalSettingsFile.ReadValues(path)
            : throw new FileNotFoundException($"{path} not found: copy local.settings.sample.json to {LocalSettingsFile.FileName}.", path);
}
