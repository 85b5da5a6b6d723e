using Azure.Data.Tables;

namespace ComplianceReports.Storage.Tests;

public class OverflowingToBlobs(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly OverflowText overflow = new(storage.Clients.CreateBlobContainerClient(QuarantineStoreContainer));

    private const string QuarantineStoreContainer = Ingestion.QuarantineStore.ContainerName;

    [Fact]
    public async Task Text_that_fits_stays_in_the_row()
    {
        var text = new string('a', OverflowText.MaxInlineLength);
        var entity = new TableEntity("p", "r");

        await overflow.StoreAsync(entity, "Text", "TextBlob", text, "overflow-tests/fits.txt", CancellationToken.None);

        Assert.Equal(text, entity.GetString("Text"));
        Assert.False(entity.ContainsKey("TextBlob"));
        Assert.Equal(text, await overflow.ReadAsync(entity, "Text", "TextBlob", CancellationToken.None));
    }

    [Fact]
    public async Task Longer_text_goes_to_a_blob_the_row_names_and_comes_back_whole()
    {
        var text = "ä" + new string('b', OverflowText.MaxInlineLength);
        var entity = new TableEntity("p", "r");

        await overflow.StoreAsync(entity, "Text", "TextBlob", text, "overflow-tests/long.txt", CancellationToken.None);

        Assert.False(entity.ContainsKey("Text"));
        Assert.Equal("overflow-tests/long.txt", entity.GetString("TextBlob"));
        Assert.Equal(text, await overflow.ReadAsync(entity, "Text", "TextBlob", CancellationToken.None));
    }
}
