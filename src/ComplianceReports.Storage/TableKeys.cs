namespace ComplianceReports.Storage;

/// <summary>Free text (a service name, an address, a cause) as a table key: <c>/ \ # ?</c> and control characters are not allowed there.</summary>
internal static class TableKeys
{
    public static string Escape(string text) => Uri.EscapeDataString(text);

    public static string Unescape(string key) => Uri.UnescapeDataString(key);
}
