using System.Security.Cryptography;
using System.Text;

namespace ComplianceReports.Storage;

/// <summary>Text written into table columns and keys: bounded to what a column may hold, or hashed into a key of fixed length.</summary>
internal static class TableText
{
    /// <summary>The text, or its first <paramref name="maxLength"/> - 1 characters and "…" when it is longer.</summary>
    public static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8: a key for text of any length and any characters.</summary>
    public static string Sha256Key(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
