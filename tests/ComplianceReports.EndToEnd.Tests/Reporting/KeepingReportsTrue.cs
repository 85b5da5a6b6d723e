using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ComplianceReports.Domain.Catalog;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Signing;
using ComplianceReports.Storage;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Storage.Signing;
using ComplianceReports.Testing;
using Microsoft.Extensions.Time.Testing;
using PdfSharp.Pdf;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// A report is a verifiable projection of the event log: whatever retries, clocks and copies do to the
/// store, verify confirms a genuine version; whatever is changed in the store or the files, verify
/// names it; and only the deployment's signature counts. Its months are 2018's: the fixture's account
/// is shared with the other end-to-end tests, whose months are others.
/// </summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class KeepingReportsTrue(LocalFunctionsHostFixture host) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-true-");

    private PipelineClient Pipeline => new(host.Storage);

    [Fact]
    public async Task A_report_counts_events_as_they_were_stored_whatever_the_catalog_says_today()
    {
        var month = new Month(2018, 1);
        // Stored under an older catalog that called a login a system event, with a name of its own.
        var old = Parsed(PrivXSample.Item(100, new DateTimeOffset(2018, 1, 5, 9, 0, 0, TimeSpan.Zero), "alice"));
        var stored = old with { Facts = old.Facts with { Name = "Old-login-name", Category = "system", CatalogVersion = "PrivX v23", Controls = string.Empty } };
        await new TableEventStore(host.Storage, TimeProvider.System).AppendAsync([stored], default);

        var manifest = await Pipeline.GenerateAsync(month);
        var summary = await Pipeline.ReadSummaryAsync(manifest);
        var verify = await VerifyAsync(manifest);

        Assert.Equal(1, summary.CountsByCategory["system"]);
        Assert.Equal(0, summary.CountsByCategory["logins"]);
        Assert.Equal(["PrivX v23"], summary.CatalogVersions);
        Assert.Equal("Old-login-name", Assert.Single(summary.OtherCategories.Single(c => c.Id == "system").ByEvent).Name);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    [Fact]
    public async Task A_transaction_held_back_while_a_version_is_generated_leaves_that_version_verifiable()
    {
        var month = new Month(2018, 2);
        await Pipeline.SendEnvelopeAsync("feb-1", Items(month, 0, 5));
        var held = new HoldTransactions();
        var slowStore = new TableEventStore(Clients(host.ConnectionString, held), TimeProvider.System);

        var slowAppend = slowStore.AppendAsync(Items(month, 5, 3).Select(Parsed), default);
        await held.Entered.Task;
        var version = await Pipeline.GenerateAsync(month);
        held.Release.SetResult();
        await slowAppend;
        var verify = await VerifyAsync(version);

        Assert.Equal(5, version.EventCount);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("every listed event is in the event store, unchanged (5 events)", verify.Output, StringComparison.Ordinal);
        Assert.Contains("3 events of the period are not in this version", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_of_a_committed_transaction_and_a_clock_hours_off_still_give_a_version_that_verifies()
    {
        var month = new Month(2018, 3);
        var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-7));
        var store = new TableEventStore(Clients(host.ConnectionString, new LoseFirstReply()), skewed);

        var appended = await store.AppendAsync(Items(month, 0, 6).Select(Parsed), default);
        var version = await Pipeline.GenerateAsync(month);
        var verify = await VerifyAsync(version);

        // The lost reply made the SDK send the committed transaction again: all six come back as stored already.
        Assert.Equal(new AppendResult(0, 6), appended);
        Assert.Equal(6, version.EventCount);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    [Fact]
    public async Task A_copy_of_the_store_in_a_fresh_account_verifies_the_same_version()
    {
        var month = new Month(2018, 4);
        await Pipeline.SendEnvelopeAsync("apr-1", Items(month, 0, 7));
        var version = await Pipeline.GenerateAsync(month);
        using var copy = AzuriteAccount.Lease();
        await CopyAsync(host.Storage, new StorageClientFactory(StorageConnection.FromConnectionString(copy.ConnectionString)));

        var directory = await DownloadAsync(version);
        var verify = await CommandLine.RunAsync(copy.ConnectionString, work.FullName, "verify", directory);

        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    [Theory]
    [InlineData(EventEntityColumn.User, "user: 'user1' in the version, 'mallory' in the store")]
    [InlineData(EventEntityColumn.Category, "category: 'logins' in the version, 'system' in the store")]
    [InlineData(EventEntityColumn.Raw, "the raw item was changed")]
    public async Task Verify_names_a_stored_event_that_was_altered(EventEntityColumn column, string what)
    {
        var month = new Month(2018, 5 + (int)column);
        await Pipeline.SendEnvelopeAsync($"alter-{column}", Items(month, 0, 4));
        var version = await Pipeline.GenerateAsync(month);
        var table = host.Storage.CreateTableClient(TableEventStore.TableName);
        var entity = await SecondEventAsync(table, month);
        entity[column.ToString()] = column switch
        {
            EventEntityColumn.User => "mallory",
            EventEntityColumn.Category => "system",
            _ => entity.GetString("Raw").Replace("user1", "mallory", StringComparison.Ordinal),
        };
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace);

        var verify = await VerifyAsync(version);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"{entity.RowKey[(entity.RowKey.IndexOf('_') + 1)..]}: ", verify.Output, StringComparison.Ordinal);
        Assert.Contains(what, verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_a_deleted_event_and_reports_one_inserted_with_an_old_time_as_not_covered()
    {
        var month = new Month(2018, 9);
        await Pipeline.SendEnvelopeAsync("sep-1", Items(month, 0, 4));
        var version = await Pipeline.GenerateAsync(month);
        var table = host.Storage.CreateTableClient(TableEventStore.TableName);
        var deleted = await SecondEventAsync(table, month);
        await table.DeleteEntityAsync(deleted.PartitionKey, deleted.RowKey);
        var inserted = Parsed(PrivXSample.Item(102, new DateTimeOffset(2018, 9, 2, 3, 0, 0, TimeSpan.Zero), "eve"));
        await new TableEventStore(host.Storage, TimeProvider.System).AppendAsync([inserted], default);

        var verify = await VerifyAsync(version);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"{deleted.GetString("Identity")}: missing from the event store", verify.Output, StringComparison.Ordinal);
        // The timer may already have made a version that covers it; either way it is named, and not as a mismatch.
        Assert.Contains($"{inserted.Identity}: ", verify.Output, StringComparison.Ordinal);
        Assert.Contains("1 events of the period are not in this version", verify.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_forged_summary_a_modified_evidence_file_and_a_pdf_signed_by_another_certificate_are_refused(bool offline)
    {
        var month = new Month(2018, offline ? 11 : 10);
        await Pipeline.SendEnvelopeAsync($"forge-{offline}", Items(month, 0, 3));
        var version = await Pipeline.GenerateAsync(month);
        var certificate = Path.Combine(work.FullName, "signing.pem");
        var export = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "signing-certificate", "--out", certificate);
        Assert.True(export.ExitCode == 0, export.Output + export.Error);
        string[] Verify(string directory) => offline ? ["verify", "--offline", directory, "--trust", certificate] : ["verify", directory];

        var genuine = await CommandLine.RunAsync(host.ConnectionString, work.FullName, Verify(await DownloadAsync(version, "genuine")));

        var forgedSummary = await DownloadAsync(version, "summary");
        var summaryPath = Path.Combine(forgedSummary, ReportFileNames.Summary);
        await File.WriteAllTextAsync(summaryPath, (await File.ReadAllTextAsync(summaryPath)).Replace("\"eventCount\": 3", "\"eventCount\": 2", StringComparison.Ordinal));
        var summary = await CommandLine.RunAsync(host.ConnectionString, work.FullName, Verify(forgedSummary));

        var modifiedEvidence = await DownloadAsync(version, "evidence");
        var evidencePath = Path.Combine(modifiedEvidence, ReportFileNames.Evidence);
        await File.WriteAllBytesAsync(evidencePath, Recompressed(await File.ReadAllBytesAsync(evidencePath), "user1", "userX"));
        var evidence = await CommandLine.RunAsync(host.ConnectionString, work.FullName, Verify(modifiedEvidence));

        var resigned = await DownloadAsync(version, "resigned");
        var pdfPath = Path.Combine(resigned, ReportFileNames.Pdf);
        await File.WriteAllBytesAsync(pdfPath, SignedByAnotherCertificate(SignedClaim.Extract(await File.ReadAllBytesAsync(pdfPath))!));
        var other = await CommandLine.RunAsync(host.ConnectionString, work.FullName, Verify(resigned));

        Assert.True(genuine.ExitCode == 0, genuine.Output + genuine.Error);
        Assert.Equal(1, summary.ExitCode);
        Assert.Contains("summary.json: DOES NOT MATCH the signed claim", summary.Output, StringComparison.Ordinal);
        Assert.Equal(1, evidence.ExitCode);
        Assert.Contains("evidence.csv.gz: DOES NOT MATCH", evidence.Output, StringComparison.Ordinal);
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("signer: ", other.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("claim: ", other.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_verify_without_a_pinned_signer_refuses()
    {
        var month = new Month(2018, 12);
        await Pipeline.SendEnvelopeAsync("dec-1", Items(month, 0, 2));
        var version = await Pipeline.GenerateAsync(month);

        var verify = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "verify", "--offline", await DownloadAsync(version));

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("not pinned", verify.Output, StringComparison.Ordinal);
    }

    public void Dispose() => work.Delete(recursive: true);

    public enum EventEntityColumn
    {
        User,
        Category,
        Raw,
    }

    private static IEnumerable<string> Items(Month month, int from, int count) =>
        Enumerable.Range(from, count).Select(i => PrivXSample.Item(100, month.StartUtc.AddDays(1).AddHours(i), $"user{i}"));

    private static AuditEvent Parsed(string item)
    {
        using var document = System.Text.Json.JsonDocument.Parse(item);
        return PrivXEventParser.ParseItem(document.RootElement);
    }

    private async Task<(int ExitCode, string Output, string Error)> VerifyAsync(ReportManifest version) =>
        await CommandLine.RunAsync(host.ConnectionString, work.FullName, "verify", await DownloadAsync(version));

    private async Task<string> DownloadAsync(ReportManifest version, string name = "download")
    {
        var directory = Path.Combine(work.FullName, $"{version.Month}-v{version.Version}-{name}");
        await Pipeline.DownloadAsync(version, directory);
        return directory;
    }

    private static async Task<TableEntity> SecondEventAsync(TableClient table, Month month) =>
        await table.QueryAsync<TableEntity>(entity => entity.PartitionKey.CompareTo(month.StartUtc.ToString("yyyy-MM-dd")) >= 0
                && entity.PartitionKey.CompareTo(month.EndUtc.ToString("yyyy-MM-dd")) < 0)
            .Skip(1).FirstAsync();

    private static StorageClientFactory Clients(string connectionString, HttpPipelinePolicy policy) =>
        new(StorageConnection.FromConnectionString(connectionString), options => options.AddPolicy(policy, HttpPipelinePosition.PerRetry));

    /// <summary>Copies the event table, the report files and the published certificates, as a backup restore would.</summary>
    private static async Task CopyAsync(StorageClientFactory from, StorageClientFactory to)
    {
        var source = from.CreateTableClient(TableEventStore.TableName);
        var target = to.CreateTableClient(TableEventStore.TableName);
        await new StorageResources(to).CreateAllAsync(CancellationToken.None);
        await foreach (var entity in source.QueryAsync<TableEntity>())
        {
            await target.AddEntityAsync(entity);
        }
        foreach (var container in new[] { BlobReportStore.ContainerName, SigningCertificateStore.ContainerName })
        {
            var sourceBlobs = from.CreateBlobContainerClient(container);
            var targetBlobs = to.CreateBlobContainerClient(container);
            await foreach (var blob in sourceBlobs.GetBlobsAsync())
            {
                var content = await sourceBlobs.GetBlobClient(blob.Name).DownloadContentAsync();
                await targetBlobs.GetBlobClient(blob.Name).UploadAsync(content.Value.Content);
            }
        }
    }

    private static byte[] Recompressed(byte[] gzipped, string from, string to)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzipped), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(input);
        var text = reader.ReadToEnd();
        var at = text.IndexOf(from, StringComparison.Ordinal);
        var changed = text[..at] + to + text[(at + from.Length)..];
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write(changed);
        }
        return output.ToArray();
    }

    /// <summary>A PDF carrying the genuine claim, signed by a certificate that is not the deployment's.</summary>
    private byte[] SignedByAnotherCertificate(byte[] claim)
    {
        var certificate = SigningCertificates.LoadOrCreateSelfSigned(Path.Combine(work.FullName, "other.pfx"), "Someone else");
        using var document = new PdfDocument();
        document.AddPage();
        SignedClaim.Embed(document, claim);
        new ReportSigner(certificate, SignatureInfo.ForMonthlyReport("Forger Ltd")).Attach(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Holds entity-group transactions back until released, as a slow network or a long SDK retry does.</summary>
    private sealed class HoldTransactions : HttpPipelinePolicy
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (EventTransactions.IsEventTransaction(message))
            {
                Entered.TrySetResult();
                await Release.Task;
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }

    /// <summary>Commits the first transaction but loses its reply, so the SDK sends it again.</summary>
    private sealed class LoseFirstReply : HttpPipelinePolicy
    {
        private int batches;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (EventTransactions.IsEventTransaction(message) && Interlocked.Increment(ref batches) == 1)
            {
                throw new IOException("the connection was reset before the reply arrived");
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }
}
