using System.Formats.Asn1;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceReports.Signing;

/// <summary>
/// Checks the integrity of a PDF's last signature from the file's bytes alone: the signed byte range
/// must be the whole file but the signature's own hex string, and the CMS signature must match those
/// bytes. Whether the signer is trusted is <see cref="SignerTrust"/>'s question: the result carries the
/// signer's certificate for it.
/// </summary>
public static partial class PdfSignatureCheck
{
    /// <summary>Where a PDF header may start: readers accept some bytes before it.</summary>
    private const int HeaderSearchLength = 1024;

    /// <summary>Checks <paramref name="pdf"/>; a damaged or foreign file is reported in the result, never thrown.</summary>
    public static SignatureCheckResult Check(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        // Latin-1 maps every byte to one char, so string offsets are file offsets.
        var text = Encoding.Latin1.GetString(pdf);
        if (!text.AsSpan(0, Math.Min(text.Length, HeaderSearchLength)).Contains("%PDF-", StringComparison.Ordinal))
        {
            return NotSigned("not signed: the file is not a PDF");
        }
        var byteRange = ByteRangePattern().Match(text);
        if (!byteRange.Success)
        {
            return text.Contains("/ByteRange", StringComparison.Ordinal)
                ? Broken("the signature's /ByteRange cannot be read")
                : NotSigned("not signed");
        }
        if (!TryReadRange(byteRange, out var range))
        {
            return Broken($"the signature's byte range {byteRange.Value} is not a valid range");
        }
        if (range.SecondEnd > pdf.Length)
        {
            return Broken($"the document was changed after signing: the file ends at byte {pdf.Length}, before the end of the signed range at {range.SecondEnd}");
        }
        if (!TryReadContents(text, range, out var cms, out var contentsProblem))
        {
            return Broken(contentsProblem);
        }
        return CheckCms(pdf, range, cms);
    }

    private static SignatureCheckResult CheckCms(byte[] pdf, SignedRange range, byte[] cms)
    {
        var signedBytes = new byte[range.FirstLength + range.SecondLength];
        pdf.AsSpan(0, (int)range.FirstLength).CopyTo(signedBytes);
        pdf.AsSpan((int)range.SecondStart, (int)range.SecondLength).CopyTo(signedBytes.AsSpan((int)range.FirstLength));
        var check = DetachedSignature.Check(signedBytes, cms);
        if (check.Signer is not { } signer)
        {
            return check;
        }
        var subject = signer.Subject;
        if (!check.IsIntact)
        {
            return check with { Message = $"the document was changed after signing (signed by {subject})" };
        }
        if (range.SecondEnd < pdf.Length)
        {
            var added = pdf.Length - range.SecondEnd;
            return check with { IsIntact = false, Message = $"the document was changed after signing: {added} bytes were added after the signed part (signed by {subject})" };
        }
        var when = check.SigningTime is { } time ? string.Create(CultureInfo.InvariantCulture, $" at {time:yyyy-MM-dd HH:mm:ss} UTC") : string.Empty;
        return check with { Message = $"signature intact, signed by {subject}{when}" };
    }

    private static bool TryReadRange(Match match, out SignedRange range)
    {
        range = default;
        var numbers = new long[4];
        for (var index = 0; index < numbers.Length; index++)
        {
            if (!long.TryParse(match.Groups[index + 1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[index]))
            {
                return false;
            }
        }
        range = new SignedRange(numbers[0], numbers[1], numbers[2], numbers[3]);
        // The first part starts the file and the second follows the gap; byte arrays stay below 2 GiB.
        return range.FirstStart == 0
            && range.FirstLength > 0
            && range.SecondStart > range.FirstLength
            && range.SecondLength >= 0
            && range.SecondStart <= int.MaxValue
            && range.SecondLength <= int.MaxValue - range.SecondStart;
    }

    /// <summary>
    /// Reads the signature from the gap between the two signed parts, which must be exactly the hex
    /// string of the dictionary's /Contents: anything else left out of the range could be changed unseen.
    /// </summary>
    private static bool TryReadContents(string text, SignedRange range, out byte[] cms, out string problem)
    {
        cms = [];
        problem = string.Empty;
        var gap = text.AsSpan((int)range.FirstLength, (int)(range.SecondStart - range.FirstLength));
        var before = text.AsSpan(0, (int)range.FirstLength).TrimEnd();
        if (gap[0] != '<' || gap[^1] != '>' || !before.EndsWith("/Contents", StringComparison.Ordinal))
        {
            problem = "the signed byte range leaves out more than the signature's /Contents, so part of the file is not covered";
            return false;
        }
        var hex = new StringBuilder(gap.Length);
        foreach (var character in gap[1..^1])
        {
            if (char.IsAsciiHexDigit(character))
            {
                hex.Append(character);
            }
            else if (!IsPdfWhiteSpace(character))
            {
                problem = "the signature's /Contents is not a hex string";
                return false;
            }
        }
        // A PDF hex string with an odd number of digits ends in an implied 0.
        if (hex.Length % 2 == 1)
        {
            hex.Append('0');
        }
        var bytes = Convert.FromHexString(hex.ToString());
        if (!bytes.AsSpan().ContainsAnyExcept((byte)0))
        {
            problem = "the signature's /Contents is empty: the space reserved for the signature was never filled";
            return false;
        }
        try
        {
            // The writer pads the reserved space with zeros after the DER value.
            AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var length);
            cms = bytes[..length];
            return true;
        }
        catch (AsnContentException)
        {
            problem = "the signature's /Contents holds no CMS signature";
            return false;
        }
    }

    private static bool IsPdfWhiteSpace(char character) => character is ' ' or '\t' or '\r' or '\n' or '\f' or '\0';

    private static SignatureCheckResult NotSigned(string message) => new(false, false, null, null, null, message);

    private static SignatureCheckResult Broken(string message) => new(true, false, null, null, null, message);

    /// <summary>The last /ByteRange in the file, which belongs to the most recent signature.</summary>
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex ByteRangePattern();

    private readonly record struct SignedRange(long FirstStart, long FirstLength, long SecondStart, long SecondLength)
    {
        public long SecondEnd => SecondStart + SecondLength;
    }
}
