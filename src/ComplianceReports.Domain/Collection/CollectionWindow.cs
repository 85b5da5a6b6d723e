using System.Globalization;

namespace ComplianceReports.Domain.Collection;

/// <summary>A span of PrivX's <c>created</c> times, fetched page by page; both ends included, as the search takes them.</summary>
public readonly record struct CollectionWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// The batch id prefix of one page of this window: instance, window and page, so a receipt says which
    /// fetch it records and a re-fetch of the same page records over it. Every character is one a batch id allows.
    /// </summary>
    public string PageBatchPrefix(string instance, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"privx.{instance}.{Start.UtcDateTime:yyyyMMddTHHmmssfffZ}.{End.UtcDateTime:yyyyMMddTHHmmssfffZ}.p{page:D5}");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}..{End.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}");

    /// <summary>Cuts [<paramref name="from"/>, <paramref name="to"/>] into windows of at most <paramref name="length"/>, in order (a backfill).</summary>
    public static IEnumerable<CollectionWindow> Cover(DateTimeOffset from, DateTimeOffset to, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        for (var start = from; start < to; start += length)
        {
            yield return new CollectionWindow(start, start + length < to ? start + length : to);
        }
    }
}
