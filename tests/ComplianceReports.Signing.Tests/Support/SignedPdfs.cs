using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceReports.Signing.Tests;

/// <summary>A signed test PDF, made once, and the ways tests damage copies of it.</summary>
internal static partial class SignedPdfs
{
    private static readonly Lazy<byte[]> Signed = new(() => TestCertificates.Signer().Sign(UnsignedPdfs.Report()));

    /// <summary>A fresh copy each time, so a test may change it.</summary>
    public static byte[] Report() => (byte[])Signed.Value.Clone();

    /// <summary>The offsets of the signature's hex string, the gap between the two signed parts.</summary>
    public static (int Start, int End) SignatureGap(byte[] pdf)
    {
        var match = ByteRange().Match(Encoding.Latin1.GetString(pdf));
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    /// <summary>
    /// A PDF in name only whose signature dictionary holds <paramref name="value"/> under <paramref name="key"/>
    /// and a byte range leaving out exactly that value, for checking how damaged signatures are reported.
    /// </summary>
    public static byte[] Fake(string key, string value)
    {
        const string head = "%PDF-1.7\n1 0 obj\n<</Type/Sig ";
        var valueStart = head.Length + key.Length;
        var valueEnd = valueStart + value.Length;
        // Ten digits each, so the range's own length is known before its numbers are.
        var tail = "/ByteRange [0 {0:D10} {1:D10} {2:D10}]>>\nendobj\n%%EOF\n";
        var length = valueEnd + string.Format(CultureInfo.InvariantCulture, tail, 0, 0, 0).Length;
        var text = head + key + value + string.Format(CultureInfo.InvariantCulture, tail, valueStart, valueEnd, length - valueEnd);
        return Encoding.Latin1.GetBytes(text);
    }

    public static byte[] WithByteFlipped(byte[] pdf, int offset)
    {
        pdf[offset] ^= 0x01;
        return pdf;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+\d+\s*\]")]
    private static partial Regex ByteRange();
}
