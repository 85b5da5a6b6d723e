using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace ComplianceReports.Signing;

/// <summary>
/// Carries a report's claim (a small JSON document, opaque here) inside its PDF as the embedded file
/// <c>claim.json</c>. Embedded before the signature is attached, it lies inside the signed byte range:
/// changing one byte of it breaks the signature, so a verifier may trust the claim as far as it trusts the signer.
/// </summary>
public static class SignedClaim
{
    public const string FileName = "claim.json";

    private const string Description = "The signed claim of this report: what it covers and the digests to recompute";

    /// <summary>Embeds <paramref name="claimJson"/> in <paramref name="document"/>, to be signed in the same save.</summary>
    /// <exception cref="ArgumentException">The document holds a claim already.</exception>
    public static void Embed(PdfDocument document, byte[] claimJson)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(claimJson);
        if (FindFileSpecifications(document.Internals.Catalog).Any())
        {
            throw new ArgumentException($"The document holds a {FileName} already; a second would leave readers to guess which one is signed.", nameof(document));
        }
        // PDFsharp keeps an embedded file uncompressed, so the claim can be read in the file itself.
        document.AddEmbeddedFile(FileName, new MemoryStream(claimJson, writable: false));
        var specification = FindFileSpecifications(document.Internals.Catalog).Single();
        specification.Elements.SetString("/Desc", Description);
        // PDF 2.0 and PDF/A-3 name what an attachment is to the document: data the document is about.
        specification.Elements.SetName("/AFRelationship", "/Data");
        var associated = new PdfArray(document);
        associated.Elements.Add(specification.Reference ?? (PdfItem)specification);
        document.Internals.Catalog.Elements["/AF"] = associated;
        if (specification.Elements.GetDictionary("/EF")?.Elements.GetDictionary("/F") is { } file)
        {
            file.Elements.SetName("/Subtype", "/application#2Fjson");
        }
    }

    /// <summary>The claim embedded in <paramref name="pdf"/>, byte for byte; <c>null</c> when it holds none.</summary>
    /// <exception cref="ArgumentException">The bytes are not a readable PDF, or it holds more than one claim.</exception>
    public static byte[]? Extract(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // PDFsharp's parser fails on damaged input with many kinds of exception; to the caller they all mean the same.
            throw new ArgumentException($"The file is not a readable PDF: {error.Message}", nameof(pdf), error);
        }
        using (document)
        {
            var specifications = FindFileSpecifications(document.Internals.Catalog).ToList();
            if (specifications.Count > 1)
            {
                throw new ArgumentException($"The PDF holds {specifications.Count} files named {FileName}; a report holds one.", nameof(pdf));
            }
            return specifications.Count == 0
                ? null
                : specifications[0].Elements.GetDictionary("/EF")?.Elements.GetDictionary("/F")?.Stream?.UnfilteredValue
                    ?? throw new ArgumentException($"The PDF's {FileName} has no content.", nameof(pdf));
        }
    }

    /// <summary>The file specifications named <see cref="FileName"/> in the catalog's EmbeddedFiles name tree, kids included.</summary>
    private static IEnumerable<PdfDictionary> FindFileSpecifications(PdfCatalog catalog)
    {
        var root = catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles");
        return root is null ? [] : InNameTree(root, depth: 0);
    }

    private static IEnumerable<PdfDictionary> InNameTree(PdfDictionary node, int depth)
    {
        // A name tree is shallow; a cycle in a damaged or hostile file must not recurse for ever.
        if (depth > 32)
        {
            yield break;
        }
        if (node.Elements.GetArray("/Names") is { } names)
        {
            for (var index = 0; index + 1 < names.Elements.Count; index += 2)
            {
                if (names.Elements[index] is PdfString { Value: FileName } && Resolve(names.Elements[index + 1]) is PdfDictionary specification)
                {
                    yield return specification;
                }
            }
        }
        if (node.Elements.GetArray("/Kids") is { } kids)
        {
            foreach (var kid in kids.Elements.Select(Resolve).OfType<PdfDictionary>())
            {
                foreach (var specification in InNameTree(kid, depth + 1))
                {
                    yield return specification;
                }
            }
        }
    }

    private static PdfItem? Resolve(PdfItem item) => item is PdfReference reference ? reference.Value : item;
}
