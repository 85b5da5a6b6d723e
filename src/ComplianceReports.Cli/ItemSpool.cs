using System.Text;

namespace ComplianceReports.Cli;

/// <summary>
/// The items of one send in a temporary file, so a send of any size holds one item in memory at a
/// time while it still knows, before sending, whether they fit in a few messages. Each item is kept
/// byte for byte, line breaks of a pretty-printed item too: length-prefixed, not one a line.
/// </summary>
public sealed class ItemSpool : IAsyncDisposable
{
    private readonly FileStream file = new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
    private readonly BinaryWriter writer;

    public ItemSpool() => writer = new BinaryWriter(file, new UTF8Encoding(false), leaveOpen: true);

    public int Count { get; private set; }

    /// <summary>The items' UTF-8 bytes.</summary>
    public long Bytes { get; private set; }

    public int MaxItemBytes { get; private set; }

    public static ItemSpool Of(IEnumerable<string> itemsJson)
    {
        var spool = new ItemSpool();
        foreach (var json in itemsJson)
        {
            spool.Add(json);
        }
        return spool;
    }

    public void Add(string json)
    {
        var size = Encoding.UTF8.GetByteCount(json);
        Count++;
        Bytes += size;
        MaxItemBytes = Math.Max(MaxItemBytes, size);
        writer.Write(json);
    }

    /// <summary>The items in the order they were added, read back one at a time.</summary>
    public IEnumerable<string> Items()
    {
        writer.Flush();
        var end = file.Length;
        file.Position = 0;
        using var reader = new BinaryReader(file, new UTF8Encoding(false), leaveOpen: true);
        while (file.Position < end)
        {
            yield return reader.ReadString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        await file.DisposeAsync();
    }
}
