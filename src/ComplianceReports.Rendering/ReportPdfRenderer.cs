using ComplianceReports.Domain.Reporting;
using PdfSharp.Pdf;

namespace ComplianceReports.Rendering;

/// <summary>Draws a <see cref="MonthlyReport"/> as a PDF; every figure comes from the model as it is.</summary>
public sealed class ReportPdfRenderer
{
    public ReportPdfRenderer() => LiberationFontResolver.EnsureInstalled();

    public byte[] Render(MonthlyReport report)
    {
        using var buffer = new MemoryStream();
        Render(report, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the PDF to <paramref name="output"/> and leaves the stream open for the caller.</summary>
    /// <param name="beforeSave">
    /// Runs on the composed document just before its one save: where a caller embeds the signed claim and
    /// attaches the signature, so the file is written and signed at once, never reopened.
    /// </param>
    public void Render(MonthlyReport report, Stream output, Action<PdfDocument>? beforeSave = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var document = new PdfDocument();
        new ReportDocument(ReportContent.From(report)).Compose(document);
        beforeSave?.Invoke(document);
        document.Save(output, closeStream: false);
    }
}
