using System.Globalization;
using System.Text.Json;

namespace ComplianceReports.Testing;

/// <summary>PrivX audit items in the shape PrivX's monitor service exports them.</summary>
public static class PrivXSample
{
    public static string Item(int code, DateTimeOffset created, string user = "alice", string service = "ssh-proxy") =>
        JsonSerializer.Serialize(new
        {
            service_id = "5f1c0000-0000-4000-8000-000000000001",
            service_name = service,
            event_id = code.ToString(CultureInfo.InvariantCulture),
            created = created.ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture),
            message = new Dictionary<string, string>
            {
                ["SSH-PrivX-service"] = service,
                ["audit-exposure"] = "SSH-PRIVX-AUDIT",
                ["instanceName"] = "privx-test",
                ["severity"] = "6",
                ["username"] = user,
                ["timestamp"] = created.ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture),
                ["version"] = "24.0",
            },
        });

    /// <summary>A REST page <c>{"count":N,"items":[...]}</c> of the given items.</summary>
    public static string Page(IReadOnlyCollection<string> items) => $"{{\"count\":{items.Count},\"items\":[{string.Join(',', items)}]}}";
}
