using PdfSharp.Fonts;

namespace ComplianceReports.Rendering;

/// <summary>
/// Serves the Liberation Sans TrueType faces embedded in this assembly, so a PDF looks the same on a
/// developer laptop, a build agent and an Azure worker that has no system fonts at all.
/// </summary>
internal sealed class LiberationFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Sans";

    private static readonly LiberationFontResolver Instance = new();
    private static readonly Lock InstallGate = new();
    private static bool installed;

    private LiberationFontResolver()
    {
    }

    /// <summary>
    /// PDFsharp takes one resolver per process and refuses a different one once fonts were used, and
    /// test classes render in parallel; so the first caller installs the single instance, later ones only check.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (installed)
            {
                return;
            }
            var current = GlobalFontSettings.FontResolver;
            if (current is not null && !ReferenceEquals(current, Instance))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({current.GetType().FullName}); the report renderer needs its own embedded fonts.");
            }
            GlobalFontSettings.FontResolver = Instance;
            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var face = (bold, italic) switch
        {
            (false, false) => "LiberationSans-Regular",
            (true, false) => "LiberationSans-Bold",
            (false, true) => "LiberationSans-Italic",
            (true, true) => "LiberationSans-BoldItalic",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName)
    {
        using var resource = typeof(LiberationFontResolver).Assembly.GetManifestResourceStream($"Fonts.{faceName}.ttf");
        if (resource is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        return buffer.ToArray();
    }
}
